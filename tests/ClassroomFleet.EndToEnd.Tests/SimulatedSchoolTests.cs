using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ClassroomFleet.Agent.Cli;
using ClassroomFleet.Agent.Extensions;
using ClassroomFleet.Fleet.Extensions;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ClassroomFleet.EndToEnd.Tests;

/// <summary>
/// Issue 5's "done when": the simulated school of simulators/demo/school-sim.yaml.in (a core switch in snmpsim, 10
/// classroom panels on the PJLink emulators, 2 recorders on the RTSP/ONVIF emulator, 40 PCs found in the switch's
/// tables, two bandwidth probes against iperf3 and the HTTP probe target) is polled by the in-process agent, travels
/// through mosquitto and the fleet into influxd, and the one-shot mode prints the same devices as line protocol.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "snmpsim")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
[Trait("requires", "iperf3")]
[Trait("requires", "pjlink-simulator")]
[Trait("requires", "recorder-simulator")]
[Trait("requires", "probe-simulator")]
public sealed partial class SimulatedSchoolTests(ITestOutputHelper log) : IAsyncLifetime, IDisposable
{
    private const string County = "410323";
    private const string CoreSwitch = "sw-core-1";
    private const string Uplink = "Gi1/0/49";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    // simulators/snmpsim/data/school-core.snmprec (generate_switch.py --pcs 40 --pcs-arp-only 2 --pcs-absent 2): PCs 1..38
    // are in the switch's tables (37 and 38 only in ARP), 39 and 40 nowhere. The lab holds PCs 1..30, the office 31..40.
    private static readonly Dictionary<string, (long Registered, long Present)> ExpectedPcs = new()
    {
        ["pcs-lab"] = (30, 30),
        ["pcs-office"] = (10, 8),
    };

    private readonly string _school = "41" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
    private readonly string _database = "cf_e2e_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _folder = Directory.CreateTempSubdirectory("cf-school-").FullName;
    private readonly List<IHost> _hosts = [];
    private readonly HttpClient _http = new();
    private Iperf3Process? _iperf3;

    private string SchoolFile => Path.Combine(_folder, "school.yaml");

    private string[] AgentCredentials => ["--Credentials:core-ro:Community=school-core", $"--Agent:StateDirectory={Path.Combine(_folder, "once-state")}"];

    public async Task InitializeAsync() => _iperf3 = await Iperf3Process.StartAsync();

    public void Dispose() => _http.Dispose();

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
            (host as IDisposable)?.Dispose();
        }

        if (_iperf3 is not null)
        {
            await _iperf3.DisposeAsync();
        }

        await _http.PostAsync(new Uri(ServiceEndpoints.Influx, $"/query?q=DROP+DATABASE+{_database}"), null);
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_Simulated_School_Reaches_InfluxDb_Through_The_Agent_And_The_One_Shot_Mode_Prints_It()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var devices = await RenderSchoolFileAsync(timeout.Token);
        var panels = devices.Where(d => d.StartsWith("panel-", StringComparison.Ordinal)).ToArray();
        var recorders = devices.Where(d => d.StartsWith("rec-", StringComparison.Ordinal)).ToArray();
        Assert.Equal(17, devices.Count);
        Assert.Equal(10, panels.Length);
        Assert.Equal(2, recorders.Length);

        await StartFleetAsync(timeout.Token);
        var agent = await StartAgentAsync(timeout.Token);

        var uplink = await WaitForAsync(
            $"SELECT last(in_bps) AS in_bps, last(capacity_mbps) AS capacity_mbps FROM uplink WHERE school = '{_school}' AND device = '{CoreSwitch}' AND if_name = '{Uplink}' AND method = 'passive' AND in_bps > 0",
            rows => rows.Count == 1, timeout.Token);
        Assert.Equal(1000, uplink[0].GetDouble(0, "capacity_mbps"));
        log.WriteLine($"uplink in_bps {uplink[0].GetDouble(0, "in_bps")}");

        // The recording's uplink carries 10,000,000 octets/s in: 80 Mbit/s, with slack for polling jitter.
        Assert.InRange(uplink[0].GetDouble(0, "in_bps")!.Value, 60e6, 100e6);

        var port = await WaitForAsync(
            $"SELECT last(in_bps) AS in_bps FROM interface WHERE school = '{_school}' AND device = '{CoreSwitch}' AND if_name = '{Uplink}' AND in_bps > 0",
            rows => rows.Count == 1, timeout.Token);
        Assert.InRange(port[0].GetDouble(0, "in_bps")!.Value, 60e6, 100e6);

        var panelRows = await WaitForAsync(
            $"SELECT last(powered_on) AS powered_on FROM panel WHERE school = '{_school}' GROUP BY device",
            rows => rows.Count >= panels.Length, timeout.Token);
        Assert.Equal(panels.Order(StringComparer.Ordinal), DeviceTags(panelRows));

        var recorderRows = await WaitForAsync(
            $"SELECT last(stream_live) AS stream_live FROM recorder WHERE school = '{_school}' GROUP BY device",
            rows => rows.Count >= recorders.Length, timeout.Token);
        Assert.Equal(recorders.Order(StringComparer.Ordinal), DeviceTags(recorderRows));
        Assert.All(recorderRows, r => Assert.True(r.GetBoolean(0, "stream_live")));

        var pcRows = await WaitForAsync(
            $"SELECT last(registered) AS registered, last(present) AS present FROM pc WHERE school = '{_school}' GROUP BY device",
            rows => rows.Count >= ExpectedPcs.Count, timeout.Token);
        Assert.Equal(ExpectedPcs.Keys.Order(StringComparer.Ordinal), DeviceTags(pcRows));
        foreach (var row in pcRows)
        {
            var expected = ExpectedPcs[row.Tags["device"]];
            Assert.Equal(expected.Registered, row.GetInt64(0, "registered"));
            Assert.Equal(expected.Present, row.GetInt64(0, "present"));
        }

        log.WriteLine(string.Join("; ", pcRows.Select(r => $"{r.Tags["device"]} registered {r.GetInt64(0, "registered")} present {r.GetInt64(0, "present")}")));
        Assert.Equal(40, pcRows.Sum(r => r.GetInt64(0, "registered")));
        Assert.Equal(38, pcRows.Sum(r => r.GetInt64(0, "present")));

        var deviceRows = await WaitForAsync(
            $"SELECT last(available) AS available FROM device WHERE school = '{_school}' GROUP BY device",
            rows => rows.Count >= devices.Count, timeout.Token);
        Assert.Equal(devices.Order(StringComparer.Ordinal), DeviceTags(deviceRows));
        log.WriteLine($"device series: {deviceRows.Count}");
        Assert.All(deviceRows, r => Assert.True(r.GetInt64(0, "available") == 1, $"{r.Tags["device"]} was not available"));

        // The one-shot mode talks to the same simulators; the agent stops first so that the two never share the
        // school's iperf3 server (it serves one test at a time).
        _hosts.Remove(agent);
        await agent.StopAsync(timeout.Token);
        (agent as IDisposable)?.Dispose();

        await AssertOneShotPrintsAsync(devices, panels, recorders, timeout.Token);
    }

    private async Task AssertOneShotPrintsAsync(IReadOnlyList<string> devices, string[] panels, string[] recorders, CancellationToken cancellationToken)
    {
        using var output = new StringWriter();
        var exit = await PollOnceCommand.RunAsync(AgentCredentials, null, SchoolFile, output, cancellationToken);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        log.WriteLine(output.ToString());

        Assert.True(exit == 0, "poll --once failed:\n" + output);
        Assert.Contains(lines, l => l.StartsWith($"uplink,county={County},device={CoreSwitch},if_name={Uplink},method=passive,school={_school} ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"interface,county={County},device={CoreSwitch},if_name={Uplink},", StringComparison.Ordinal));
        foreach (var panel in panels)
        {
            Assert.Contains(lines, l => l.StartsWith($"panel,county={County},device={panel},", StringComparison.Ordinal));
        }

        foreach (var recorder in recorders)
        {
            Assert.Contains(lines, l => l.StartsWith($"recorder,county={County},device={recorder},", StringComparison.Ordinal) && l.Contains("stream_live=true", StringComparison.Ordinal));
        }

        foreach (var (pcs, expected) in ExpectedPcs)
        {
            Assert.Contains(lines, l => l.StartsWith($"pc,county={County},device={pcs},", StringComparison.Ordinal)
                && l.Contains($"registered={expected.Registered}i", StringComparison.Ordinal)
                && l.Contains($"present={expected.Present}i", StringComparison.Ordinal));
        }

        foreach (var probe in devices.Where(d => d.StartsWith("probe-", StringComparison.Ordinal)))
        {
            Assert.Contains(lines, l => l.StartsWith($"probe,county={County},device={probe},", StringComparison.Ordinal) && l.Contains("outcome=\"ok\"", StringComparison.Ordinal));
        }

        var printed = lines.Where(l => l.StartsWith("device,", StringComparison.Ordinal))
            .Select(l => DeviceTag().Match(l).Groups[1].Value)
            .Order(StringComparer.Ordinal);
        Assert.Equal(devices.Order(StringComparer.Ordinal), printed);
    }

    private static string[] DeviceTags(IReadOnlyList<InfluxSeries> rows) =>
        [.. rows.Select(r => r.Tags["device"]).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Renders the school file with scripts/render-school-sim.sh from the endpoints services.sh exported, then shortens
    /// its intervals and probe runs so that every device is polled within seconds. Returns the device ids of the file.
    /// </summary>
    private async Task<IReadOnlyList<string>> RenderSchoolFileAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("bash", [RepositoryPaths.Of("scripts", "render-school-sim.sh"), County, _school])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The school's own iperf3 server: one shared with tests in other assemblies refuses while they run.
            Environment = { ["CF_IPERF3_ENDPOINT"] = _iperf3!.Endpoint.ToString() },
        };
        using var render = Process.Start(start)!;
        var stdout = render.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = render.StandardError.ReadToEndAsync(cancellationToken);
        await render.WaitForExitAsync(cancellationToken);
        Assert.True(render.ExitCode == 0, "render-school-sim.sh failed: " + await stderr);

        var text = await stdout;
        Assert.Contains($"pjlink: {{ port: {ServiceEndpoints.PjlinkPort} }}", text, StringComparison.Ordinal);
        Assert.Contains($"pjlink: {{ port: {ServiceEndpoints.PjlinkPort + 9} }}", text, StringComparison.Ordinal);
        Assert.Contains($"rtsp: {{ port: {ServiceEndpoints.RecorderPort + 1},", text, StringComparison.Ordinal);
        Assert.Contains(ServiceEndpoints.ProbeUrl.ToString(), text, StringComparison.Ordinal);

        text = Interval().Replace(text, "interval: 2s");
        text = text.Replace("duration: 5s", "duration: 1s", StringComparison.Ordinal)
            .Replace("bytes: 20000000", "bytes: 2000000", StringComparison.Ordinal);
        await File.WriteAllTextAsync(SchoolFile, text, cancellationToken);

        var devicesAt = text.IndexOf("\ndevices:", StringComparison.Ordinal);
        return [.. DeviceId().Matches(text[devicesAt..]).Select(m => m.Groups[1].Value)];
    }

    private async Task<IReadOnlyList<InfluxSeries>> WaitForAsync(string query, Func<IReadOnlyList<InfluxSeries>, bool> done, CancellationToken cancellationToken)
    {
        var influx = new InfluxClient(_http, new InfluxClientOptions { BaseAddress = ServiceEndpoints.Influx, Database = _database });
        IReadOnlyList<InfluxSeries> seen = [];
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var result = await influx.QueryAsync(query, cancellationToken);
                seen = [.. result.Series.Where(s => s.Values.Count > 0)];
                if (seen.Count > 0 && done(seen))
                {
                    return seen;
                }
            }
            catch (InfluxQueryException)
            {
                // The database does not exist until the fleet has started.
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            await Task.Delay(500, CancellationToken.None);
        }

        Assert.Fail($"'{query}' did not come true within {Patience.TotalSeconds} s; last seen: "
            + string.Join("; ", seen.Select(s => string.Join(",", s.Tags.Select(t => t.Key + "=" + t.Value)) + " " + string.Join(",", s.Values[0]))));
        return seen;
    }

    private async Task StartFleetAsync(CancellationToken cancellationToken)
    {
        var (host, port) = ServiceEndpoints.Mqtt;
        var app = await InProcessHosts.StartFleetAsync(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Mqtt:Host"] = host,
            ["Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:ClientId"] = "e2e-fleet-" + _school,
            ["Fleet:SharedGroup"] = "e2e" + _school,
            ["Influx:BaseAddress"] = ServiceEndpoints.Influx.ToString(),
            ["Influx:Database"] = _database,
            ["Fleet:DataDirectory"] = Path.Combine(_folder, "fleet"),
            ["Compliance:Schedule:Enabled"] = "false",
        }, cancellationToken);
        _hosts.Add(app);
    }

    private async Task<IHost> StartAgentAsync(CancellationToken cancellationToken)
    {
        var (host, port) = ServiceEndpoints.Mqtt;
        var agent = await InProcessHosts.StartAgentAsync(new Dictionary<string, string?>
        {
            ["Agent:SchoolFile"] = SchoolFile,
            ["Agent:AgentId"] = "e2e-school-agent",
            ["Agent:StateDirectory"] = Path.Combine(_folder, "agent-state"),
            ["Credentials:core-ro:Community"] = "school-core",
            ["Mqtt:Host"] = host,
            ["Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:ClientId"] = "e2e-agent-" + _school,
        }, cancellationToken);
        _hosts.Add(agent);
        return agent;
    }

    [GeneratedRegex(@"interval: [0-9]+[smh]")]
    private static partial Regex Interval();

    [GeneratedRegex(@"-\s*\{?\s*id:\s*([A-Za-z0-9-]+)")]
    private static partial Regex DeviceId();

    [GeneratedRegex(@"^device,(?:[^ ]*,)?device=([^, ]+)")]
    private static partial Regex DeviceTag();
}
