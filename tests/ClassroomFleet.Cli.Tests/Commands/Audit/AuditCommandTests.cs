using System.Diagnostics;
using System.Text.Json;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Influx.LineProtocol;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Cli.Tests.Commands.Audit;

/// <summary>
/// <c>fleetctl audit</c> on the demo county shipped next to the executable (新安县 410323), in-process with an environment of
/// its own: formats, languages, facts-only mode, exit codes and bad arguments.
/// </summary>
public sealed class AuditCommandTests
{
    private const string At = "2026-12-02";

    [Fact]
    public async Task Facts_only_table_is_in_chinese_and_marks_the_telemetry_rules_unknown()
    {
        var run = await CliRun.InvokeAsync(["audit", "--county", "410323", "--at", At]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("facts-only audit", run.Error, StringComparison.Ordinal);
        Assert.Contains("新安县（410323） 评估时点 2026-12-02 23:59（北京时间） 校历 cn-henan", run.Output, StringComparison.Ordinal);
        Assert.Contains("本次审计未读取遥测数据", run.Output, StringComparison.Ordinal);
        Assert.Contains("标准：师机比 1:1（每名专任教师至少 1 台）", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"4141032301\s+新安县第一初级中学\s+FAIL 未达标\s+缺 1 座", run.Output);
        Assert.Matches(@"4141032301\s+新安县第一初级中学\s+UNKNOWN 无法判定\s+本次审计未读取遥测数据（未连接 InfluxDB）", run.Output);
        Assert.Contains("县域汇总", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_table_uses_the_state_codes_and_english_labels()
    {
        var run = await CliRun.InvokeAsync(["audit", "--county", "410323", "--at", At, "--lang", "en", "--pack", "ly15-265"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Threshold: ≥ 10 Mbit/s per class", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"4141032302\s+\S+\s+FAIL\s+1:0.91\s", run.Output); // 20 office PCs for 22 teachers
    }

    [Fact]
    public async Task Csv_is_the_ledger_of_failures_and_with_unknown_adds_the_unknowns()
    {
        var run = await CliRun.InvokeAsync(["audit", "--county", "410323", "--at", At, "--format", "csv"]);
        var lines = run.Output.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("县（市、区）,学校代码,学校,规则,文号", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("410323,4141032301,新安县第一初级中学,ly15-265.dev.computer-lab.one-seat-per-student,", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(",无法判定,", StringComparison.Ordinal));

        var withUnknown = await CliRun.InvokeAsync(["audit", "--county", "410323", "--at", At, "--format", "csv", "--with-unknown"]);
        Assert.Contains(",无法判定,", withUnknown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_carries_states_reasons_and_the_pack_versions()
    {
        var run = await CliRun.InvokeAsync(["audit", "--county", "410323", "--at", At, "--format", "json"]);

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.False(json.RootElement.GetProperty("telemetry_read").GetBoolean());
        var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
        JsonElement Result(string site, string rule) => results.Single(r => r.GetProperty("site").GetString() == site && r.GetProperty("rule").GetString() == rule);
        Assert.Equal("UNKNOWN", Result("4141032301", "ly15-265.net.bw-per-class.urban").GetProperty("state").GetString());
        Assert.Equal("NO_TELEMETRY", Result("4141032301", "ly15-265.net.bw-per-class.urban").GetProperty("reason").GetString());
        Assert.Equal("PASS", Result("4141032301", "ly15-265.dev.teacher-office-pc").GetProperty("state").GetString());
        Assert.Equal("1.2.0", Result("4141032301", "ly15-265.dev.teacher-office-pc").GetProperty("pack_version").GetString());
    }

    [Fact]
    public async Task Html_is_the_printable_report()
    {
        var run = await CliRun.InvokeAsync(["audit", "--county", "410323", "--at", At, "--format", "html"]);
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("<!DOCTYPE html><html lang=\"zh-CN\">", run.Output, StringComparison.Ordinal);
        Assert.Contains("「城镇学校班均出口带宽不小于10兆」", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "unknown county '419999'", "audit", "--county", "419999")]
    [InlineData(2, "unknown or rejected pack 'xx-1'", "audit", "--county", "410323", "--pack", "xx-1")]
    [InlineData(2, "", "audit", "--county", "410323", "--facts", "/nonexistent/county.yaml")]
    [InlineData(1, "--at must be yyyy-MM-dd or ISO 8601", "audit", "--county", "410323", "--at", "yesterday")]
    [InlineData(1, "--influx-url must be an absolute address", "audit", "--county", "410323", "--influx-url", "influx:8086x")]
    [InlineData(1, "pdf", "audit", "--county", "410323", "--format", "pdf")]
    [InlineData(1, "--county", "audit")]
    [InlineData(1, "--colour", "audit", "--county", "410323", "--colour", "red")]
    public async Task Bad_requests_and_arguments_exit_non_zero_with_a_message(int exit, string message, params string[] args)
    {
        var run = await CliRun.InvokeAsync(args);
        Assert.Equal(exit, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_influxdb_is_exit_code_3()
    {
        var run = await CliRun.InvokeAsync(["audit", "--county", "410323", "--at", At, "--influx-url", "http://127.0.0.1:9"]);
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("fleetctl: InfluxDB:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Facts_only_wins_over_an_influxdb_address_in_the_environment()
    {
        var run = await CliRun.InvokeAsync(["audit", "--county", "410323", "--at", At, "--facts-only", "--format", "json"], new Dictionary<string, string> { ["CF_INFLUX_URL"] = "http://127.0.0.1:9" });
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"telemetry_read\": false", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task As_a_process_without_any_influxdb_setting_it_prints_the_facts_only_table()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "fleetctl.dll");
        Assert.True(File.Exists(dll), $"{dll} is not next to the tests");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { dll, "audit", "--county", "410323", "--at", At, "--pack", "ly15-265" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("CF_INFLUX_URL");
        start.Environment.Remove("CF_COUNTY_FACTS");
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(process.ExitCode == 0, await stderr);
        Assert.Contains("ly15-265.net.bw-per-class.urban  城镇学校班均出口带宽不小于10兆", await stdout, StringComparison.Ordinal);
        Assert.Contains("facts-only audit", await stderr, StringComparison.Ordinal);
    }
}

/// <summary><c>fleetctl audit</c> reading probes from the real influxd of scripts/services.sh (CF_INFLUX_URL), database of its own.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "influxd")]
public sealed class AuditCommandInfluxTests : IAsyncLifetime, IDisposable
{
    private readonly string _database = "cf_fleetctl_" + Guid.NewGuid().ToString("N")[..12];
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
    public async Task Probes_in_influxdb_turn_the_bandwidth_rule_into_a_verdict()
    {
        // One iperf3 probe at 10:00 on each of the 12 school days up to Wednesday 2026-12-02 (no holiday since 11-13).
        using var buffer = new LineProtocolBuffer();
        var day = new DateOnly(2026, 12, 2);
        for (var n = 0; n < 12; day = day.AddDays(-1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var nanos = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToUnixTimeMilliseconds() * 1_000_000;
            buffer.Point("uplink").Tag("county", "410323").Tag("school", "4141032301").Tag("device", "gw").Tag("method", "iperf3")
                .Field("down_bps", 900e6).Field("up_bps", 90e6).Field("link_speed_mbps", 10000.0).Timestamp(nanos);
            n++;
        }

        Assert.True((await _client.WriteAsync(buffer.WrittenMemory)).IsSuccess);

        var run = await CliRun.InvokeAsync(["audit", "--county", "410323", "--at", "2026-12-02", "--format", "json", "--pack", "ly15-265", "--influx-db", _database],
            new Dictionary<string, string> { ["CF_INFLUX_URL"] = ServiceEndpoints.Influx.ToString() });

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("telemetry_read").GetBoolean());
        var urban = json.RootElement.GetProperty("results").EnumerateArray()
            .Single(r => r.GetProperty("site").GetString() == "4141032301" && r.GetProperty("rule").GetString() == "ly15-265.net.bw-per-class.urban");
        Assert.Equal("PASS", urban.GetProperty("state").GetString());
        Assert.Equal(41.6667, urban.GetProperty("value").GetDouble()); // min(1000, 900/0.9) / 24 classes
        Assert.Equal(12, urban.GetProperty("samples").GetInt32());
    }
}
