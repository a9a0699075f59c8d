using System.Net;
using System.Text.Json;
using ClassroomFleet.Fleet.Compliance;
using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Influx.LineProtocol;
using ClassroomFleet.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Tests.Compliance;

/// <summary>
/// The three compliance endpoints over HTTP, served by a WebApplication on 127.0.0.1 with AddCompliance, the synthetic
/// county's facts and its probes read from the real influxd (CF_INFLUX_URL, database of its own).
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "influxd")]
public sealed class ComplianceApiTests : IAsyncLifetime, IDisposable
{
    private const string Query = "?at=2025-11-20T04:30:00Z&pack=ly15-265";
    private readonly string _database = "cf_compliance_api_" + Guid.NewGuid().ToString("N")[..12];
    private readonly HttpClient _admin = new();
    private readonly HttpClient _http = new();
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        var influx = new InfluxClient(_admin, new InfluxClientOptions { BaseAddress = ServiceEndpoints.Influx, Database = _database });
        await influx.CreateDatabaseAsync(_database);
        await WriteProbesAsync(influx, "4103990001", 280e6);
        await WriteProbesAsync(influx, "4103990002", 280e6);
        await WriteAccessPointsUpAsync(influx, "4103990001", [.. Enumerable.Range(1, 30).Select(n => $"ap-{n}"), "ap-lab1", "ap-office1"]);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration["Compliance:PacksDirectory"] = ComplianceTestData.PacksDirectory;
        builder.Configuration["Compliance:CalendarsDirectory"] = Path.GetDirectoryName(ComplianceTestData.CalendarFile);
        builder.Configuration["Compliance:CountyFactsPath"] = ComplianceTestData.CountyFile;
        builder.Services.Configure<InfluxClientOptions>(o =>
        {
            o.BaseAddress = ServiceEndpoints.Influx;
            o.Database = _database;
        });
        builder.Services.AddHttpClient<InfluxClient>();
        builder.Services.AddCompliance();
        _app = builder.Build();
        _app.MapComplianceApi();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _http.BaseAddress = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await new InfluxClient(_admin, new InfluxClientOptions { BaseAddress = ServiceEndpoints.Influx, Database = _database }).DropDatabaseAsync(_database);
    }

    public void Dispose()
    {
        _http.Dispose();
        _admin.Dispose();
    }

    [Fact]
    public async Task Json_endpoint_returns_the_verdicts_computed_from_influxdb_probes()
    {
        using var response = await _http.GetAsync(new Uri("/api/compliance/410399" + Query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("410399", json.RootElement.GetProperty("county").GetString());
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        string State(string site, string rule) => results.Single(r => r.GetProperty("site").GetString() == site && r.GetProperty("rule").GetString() == rule).GetProperty("state").GetString()!;
        Assert.Equal("PASS", State("4103990001", "ly15-265.net.bw-per-class.urban"));
        Assert.Equal("FAIL", State("4103990002", "ly15-265.net.bw-per-class.urban"));
        Assert.Equal("UNKNOWN", State("4103990004", "ly15-265.net.bw-per-class.rural"));
        Assert.Equal("FAIL", State("4103990002", "ly15-265.dev.teacher-office-pc"));
        Assert.DoesNotContain(results, r => r.GetProperty("pack").GetString() != "ly15-265");
    }

    [Fact]
    public async Task Csv_ledger_has_the_header_and_one_row_per_failure()
    {
        using var response = await _http.GetAsync(new Uri("/api/compliance/410399/ledger.csv" + Query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("县（市、区）,学校代码,学校,规则,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("410399,4103990002,第二小学,ly15-265.net.bw-per-class.urban,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("410399,4103990002,第二小学,ly15-265.dev.teacher-office-pc,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("410399,4103990001,", StringComparison.Ordinal)); // S1 fails nothing in ly15-265
    }

    [Fact]
    public async Task Html_report_quotes_the_source_document()
    {
        using var response = await _http.GetAsync(new Uri("/api/compliance/410399/report.html" + Query, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        var rule = ComplianceTestData.ShippedPacks().Resolve("ly15-265")!.Rules.Single(r => r.Id == "ly15-265.net.bw-per-class.urban");
        Assert.Contains(WebUtility.HtmlEncode(rule.Source.Quote), html, StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(rule.Source.DocumentNumber), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_county_is_404_and_a_bad_instant_is_400()
    {
        using var unknown = await _http.GetAsync(new Uri("/api/compliance/419999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var bad = await _http.GetAsync(new Uri("/api/compliance/410399?at=yesterday", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private static async Task WriteProbesAsync(InfluxClient influx, string school, double bps)
    {
        using var buffer = new LineProtocolBuffer();
        foreach (var day in ComplianceTestData.Calendar.LastSchoolDays(ChinaTime.DateOf(ComplianceTestData.At), 10)!)
        {
            var nanos = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset).ToUnixTimeMilliseconds() * 1_000_000;
            buffer.Point("uplink").Tag("county", "410399").Tag("school", school).Tag("device", "gw").Tag("method", "iperf3")
                .Field("down_bps", bps).Field("up_bps", bps / 5).Field("link_speed_mbps", 1000.0).Timestamp(nanos);
            buffer.Point("device").Tag("county", "410399").Tag("school", school).Tag("device", "gw").Tag("kind", "gateway")
                .Field("up", true).Timestamp(nanos);
        }

        var result = await influx.WriteAsync(buffer.WrittenMemory);
        Assert.True(result.IsSuccess, result.Error);
    }

    /// <summary>What the agent's access-point poller writes: a <c>device</c> point per AP, up, once a school day.</summary>
    private static async Task WriteAccessPointsUpAsync(InfluxClient influx, string school, IReadOnlyList<string> accessPoints)
    {
        using var buffer = new LineProtocolBuffer();
        foreach (var day in ComplianceTestData.Calendar.LastSchoolDays(ChinaTime.DateOf(ComplianceTestData.At), 10)!)
        {
            var nanos = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 30)), ChinaTime.Offset).ToUnixTimeMilliseconds() * 1_000_000;
            foreach (var ap in accessPoints)
            {
                buffer.Point("device").Tag("county", "410399").Tag("school", school).Tag("device", ap).Tag("kind", "access_point")
                    .Field("up", true).Field("available", 1L).Timestamp(nanos);
            }
        }

        var result = await influx.WriteAsync(buffer.WrittenMemory);
        Assert.True(result.IsSuccess, result.Error);
    }
}
