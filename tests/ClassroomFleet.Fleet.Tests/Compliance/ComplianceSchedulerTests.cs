using System.Globalization;
using System.Text.Json;
using ClassroomFleet.Fleet.Compliance;
using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Fleet.Tests.Compliance;

/// <summary>The scheduled evaluation against the real influxd of scripts/services.sh (CF_INFLUX_URL), database of its own.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "influxd")]
public sealed class ComplianceSchedulerTests : IAsyncLifetime, IDisposable
{
    private readonly string _database = "cf_schedule_" + Guid.NewGuid().ToString("N")[..12];
    private readonly HttpClient _http = new();
    private InfluxClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = new InfluxClient(_http, new InfluxClientOptions { BaseAddress = ServiceEndpoints.Influx, Database = _database });
        await _client.CreateDatabaseAsync(_database);
    }

    public async Task DisposeAsync() => await _client.DropDatabaseAsync(_database);

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task One_run_writes_the_synthetic_county_verdicts_as_compliance_points()
    {
        using var provider = Services(ComplianceTestData.CountyFile, enabled: false);
        var scheduler = provider.GetServices<IHostedService>().OfType<ComplianceScheduler>().Single();

        var written = await scheduler.RunOnceAsync(CancellationToken.None);

        Assert.True(written > 0);
        Assert.Equal(written, provider.GetRequiredService<ComplianceSchedulerMetrics>().PointsWritten);
        Assert.Equal("PASS", await StateAsync("4103990001", "ly15-265.net.bw-per-class.urban"));
        Assert.Equal("FAIL", await StateAsync("4103990002", "ly15-265.net.bw-per-class.urban"));
        Assert.Equal("UNKNOWN", await StateAsync("4103990004", "ly15-265.net.bw-per-class.rural"));
        Assert.Equal("FAIL", await StateAsync("4103990009", "cn-national.net.bw-100m"));
        Assert.Equal("UNKNOWN", await StateAsync("410399", "cn-national.agg.access-98"));
    }

    [Fact]
    public async Task A_county_that_fails_is_counted_and_the_other_counties_are_still_written()
    {
        var folder = Directory.CreateTempSubdirectory("cf-schedule-");
        try
        {
            File.Copy(ComplianceTestData.CountyFile, Path.Combine(folder.FullName, "a-synthetic.yaml"));
            // A county whose calendar is not loaded: its evaluation throws, the synthetic county must still be stored.
            var other = File.ReadAllText(ComplianceTestData.CountyFile).Replace("code: \"410399\"", "code: \"410398\"", StringComparison.Ordinal)
                .Replace("calendar: cn-henan", "calendar: no-such-calendar", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder.FullName, "b-broken.yaml"), other);
            using var provider = Services(folder.FullName, enabled: false);
            var scheduler = provider.GetServices<IHostedService>().OfType<ComplianceScheduler>().Single();
            var metrics = provider.GetRequiredService<ComplianceSchedulerMetrics>();

            await scheduler.RunOnceAsync(CancellationToken.None);
            await scheduler.RunOnceAsync(CancellationToken.None);

            Assert.Equal(2, metrics.Runs);
            Assert.Equal(2, metrics.Failures);
            Assert.Equal(2, metrics.CountiesWritten);
            Assert.Equal("PASS", await StateAsync("4103990001", "ly15-265.net.bw-per-class.urban"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Enabled_the_hosted_service_runs_again_after_each_interval_and_disabled_it_never_runs()
    {
        using (var disabled = Services(ComplianceTestData.CountyFile, enabled: false))
        {
            var service = disabled.GetServices<IHostedService>().OfType<ComplianceScheduler>().Single();
            await service.StartAsync(CancellationToken.None);
            await (service.ExecuteTask ?? Task.CompletedTask);
            Assert.Equal(0, disabled.GetRequiredService<ComplianceSchedulerMetrics>().Runs);
        }

        using var enabled = Services(ComplianceTestData.CountyFile, enabled: true, interval: "00:00:01");
        var scheduler = enabled.GetServices<IHostedService>().OfType<ComplianceScheduler>().Single();
        var metrics = enabled.GetRequiredService<ComplianceSchedulerMetrics>();
        await scheduler.StartAsync(CancellationToken.None);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (metrics.Runs < 2)
        {
            await Task.Delay(50, deadline.Token);
        }

        await scheduler.StopAsync(CancellationToken.None);
        Assert.Equal(0, metrics.Failures);
    }

    [Fact]
    public async Task Spooled_probes_that_arrive_late_correct_a_closed_day_in_place_and_the_dashboard_counts_each_school_once()
    {
        // S1 (300 Mbit/s, 30 classes): 7 probes before the closed day 2025-11-19, the other 3 arrive with the agent's spool.
        var telemetry = new InMemoryMeasurementSource();
        var days = ComplianceTestData.Calendar.LastSchoolDays(new DateOnly(2025, 11, 19), 10)!;
        AddProbes(telemetry, days.Take(7));
        using var provider = Services(ComplianceTestData.CountyFile, enabled: false, recheckDays: 1, telemetry: telemetry);
        var scheduler = provider.GetServices<IHostedService>().OfType<ComplianceScheduler>().Single();
        var closed = ChinaTime.EndOf(new DateOnly(2025, 11, 19));

        await scheduler.RunOnceAsync(CancellationToken.None);
        Assert.Equal(["UNKNOWN"], await StatesAtAsync("4103990001", Urban, closed));

        AddProbes(telemetry, days.Skip(7));
        await scheduler.RunOnceAsync(CancellationToken.None);

        // One point at the closed day's instant, now PASS: the verdict is a field, so the rewrite replaced it.
        Assert.Equal(["PASS"], await StatesAtAsync("4103990001", Urban, closed));
        Assert.Equal(["PASS"], await StatesAtAsync("4103990001", Urban, ComplianceTestData.At));

        // The county dashboard's "compliance by rule" panel: every site once, S1 under PASS only (the other urban sites have
        // no probes in this test: S2, S8-east, S8-west offline, S10 stale classes, S13 no urban-rural code).
        var counts = await DashboardCountsAsync(Urban);
        Assert.Equal(ComplianceTestData.County().Sites.Count, counts.Values.Sum());
        Assert.Equal(1, counts["达标"]);
        Assert.Equal(0, counts["未达标"]);
        Assert.Equal(5, counts["无法判定"]);
    }

    [Fact]
    public void The_schedule_is_on_by_default_and_rechecks_the_last_week()
    {
        var options = new ComplianceScheduleOptions();
        Assert.True(options.Enabled);
        Assert.Equal(7, options.RecheckDays);
        var instants = ComplianceScheduler.Instants(ComplianceTestData.At, 2);
        Assert.Equal([ComplianceTestData.At, ChinaTime.EndOf(new DateOnly(2025, 11, 19)), ChinaTime.EndOf(new DateOnly(2025, 11, 18))], instants);
        var bad = new ComplianceScheduleOptionsValidator().Validate(null, new ComplianceScheduleOptions { RecheckDays = 61, FirstRunDelay = TimeSpan.FromSeconds(-1) });
        Assert.Contains("Compliance:Schedule:RecheckDays", bad.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Compliance:Schedule:FirstRunDelay", bad.FailureMessage, StringComparison.Ordinal);
    }

    private const string Urban = "ly15-265.net.bw-per-class.urban";

    private static void AddProbes(InMemoryMeasurementSource telemetry, IEnumerable<DateOnly> days)
    {
        foreach (var day in days)
        {
            var time = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset);
            telemetry.AddProbe("4103990001", new ProbeSample(time, "gw", "iperf3", 280, 56, 1000));
            telemetry.AddHeartbeat("4103990001", new DeviceHeartbeat(time, "gw", true));
        }
    }

    private async Task<List<string>> StatesAtAsync(string school, string rule, DateTimeOffset at)
    {
        var nanos = at.ToUnixTimeMilliseconds() * 1_000_000;
        var result = (await _client.QueryAsync($"SELECT \"state\" FROM \"compliance\" WHERE \"school\" = '{school}' AND \"rule\" = '{rule}' AND time = {nanos}")).EnsureSuccess();
        var states = new List<string>();
        foreach (var series in result.Series)
        {
            for (var row = 0; row < series.Values.Count; row++)
            {
                states.Add(series.GetString(row, "state")!);
            }
        }

        return states;
    }

    /// <summary>Runs panel 3 of dashboards/cf-county.json as Grafana would, for the synthetic county (all its schools) and November 2025.</summary>
    private async Task<Dictionary<string, long>> DashboardCountsAsync(string rule)
    {
        using var dashboard = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(ComplianceTestData.RepositoryRoot, "dashboards", "cf-county.json")));
        var panel = dashboard.RootElement.GetProperty("panels").EnumerateArray().Single(p => p.GetProperty("id").GetInt32() == 3);
        var query = panel.GetProperty("targets")[0].GetProperty("query").GetString()!
            .Replace("$county", "410399", StringComparison.Ordinal)
            .Replace("$school", ".*", StringComparison.Ordinal)
            .Replace("$timeFilter", "time >= '2025-11-01T00:00:00Z' AND time <= '2025-12-01T00:00:00Z'", StringComparison.Ordinal);
        var result = (await _client.QueryAsync(query)).EnsureSuccess();
        var series = Assert.Single(result.Series, s => s.Tags.GetValueOrDefault("rule") == rule);
        return series.Columns.Where(c => c != "time").ToDictionary(c => c, c => series.GetInt64(0, c) ?? (long)(series.GetDouble(0, c) ?? 0));
    }

    private ServiceProvider Services(string countyFacts, bool enabled, string interval = "01:00:00", int recheckDays = 0, IMeasurementSource? telemetry = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Compliance:PacksDirectory"] = ComplianceTestData.PacksDirectory,
            ["Compliance:CalendarsDirectory"] = ComplianceTestData.CalendarsDirectory,
            ["Compliance:CountyFactsPath"] = countyFacts,
            ["Compliance:Schedule:Enabled"] = enabled ? "true" : "false",
            ["Compliance:Schedule:Interval"] = interval,
            ["Compliance:Schedule:RecheckDays"] = recheckDays.ToString(CultureInfo.InvariantCulture),
            ["Compliance:Schedule:FirstRunDelay"] = "00:00:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(ComplianceTestData.At));
        services.AddSingleton(_client);
        services.AddSingleton<IMeasurementSource>(telemetry ?? ComplianceTestData.SyntheticTelemetry());
        services.AddCompliance();
        return services.BuildServiceProvider();
    }

    private async Task<string?> StateAsync(string school, string rule)
    {
        var result = (await _client.QueryAsync($"SELECT \"reason\", \"state\" FROM \"compliance\" WHERE \"school\" = '{school}' AND \"rule\" = '{rule}'")).EnsureSuccess();
        return Assert.Single(result.Series).GetString(0, "state");
    }

    /// <summary>Now is always the synthetic county's audit instant; delays still elapse in real time.</summary>
    private sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
