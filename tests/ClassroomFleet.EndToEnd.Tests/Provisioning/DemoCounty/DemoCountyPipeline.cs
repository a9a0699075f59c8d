using System.Globalization;
using ClassroomFleet.Agent.Extensions;
using ClassroomFleet.Fleet.Compliance;
using ClassroomFleet.Fleet.Extensions;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Simulators.County;
using ClassroomFleet.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.EndToEnd.Tests.Provisioning.DemoCounty;

/// <summary>
/// The demo county run by the real pipeline into a database of its own: the fleet (ingest, registry, compliance), one
/// agent per site of simulators/demo/county with the device emulators (snmpsim switch, PJLink panel, a dark panel,
/// RTSP/ONVIF recorder, a simulated cabinet), the county's past school weeks replayed through mosquitto
/// (simulators/county), and one compliance pass of the fleet's scheduler once the telemetry is in. Its mosquitto is its
/// own: on the shared broker, other tests' fleets and agents of the same county and schools would take, acknowledge or
/// configure what this county's agents send and receive, and the audit would judge a mix.
/// </summary>
public sealed class DemoCountyPipeline : IAsyncLifetime, IDisposable
{
    public const string County = "410323";
    public static readonly string[] Schools = ["4141032301", "4141032302", "4141032303"];
    private const string Offline = "4141032304";
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(6);

    private readonly string _folder = Directory.CreateTempSubdirectory("cf-demo-county-").FullName;
    private readonly List<IHost> _hosts = [];
    private readonly List<IAsyncDisposable> _simulators = [];
    private readonly HttpClient _http = new();
    private readonly CapturedLog _log = new(LogLevel.Warning);
    private readonly MosquittoProcess _broker = new()
    {
        PersistenceConfig = "persistence false\n",
        ExtraConfig = "max_queued_messages 0\nmax_inflight_messages 100\n",
    };

    public string Database { get; } = "cf_dash_" + Guid.NewGuid().ToString("N")[..12];

    public InfluxClient Influx { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var token = timeout.Token;
        Influx = new InfluxClient(_http, new InfluxClientOptions { BaseAddress = ServiceEndpoints.Influx, Database = Database });
        await _broker.StartAsync(token);

        var panel = await DeviceSimulatorProcess.StartAsync("pjlink", "cf-pjlink-sim", ["--lamp-hours", "1234"], token);
        _simulators.Add(panel);
        var recorder = await DeviceSimulatorProcess.StartAsync("rtsp-onvif", "cf-rtsp-onvif-sim", ["--password", "demo"], token);
        _simulators.Add(recorder);
        var iperf3 = await Iperf3Process.StartAsync(token);
        _simulators.Add(iperf3);
        var placeholders = new Dictionary<string, string>
        {
            ["@SNMPSIM@"] = ServiceEndpoints.Snmpsim.ToString(),
            ["@PJLINK@"] = panel.Endpoint.ToString(),
            ["@DARK@"] = "127.0.0.1:" + MosquittoProcess.FreeTcpPort().ToString(CultureInfo.InvariantCulture),
            ["@RECORDER@"] = "127.0.0.1",
            ["@RECORDER_PORT@"] = recorder.Port.ToString(CultureInfo.InvariantCulture),
            ["@IPERF3@"] = iperf3.Endpoint.ToString(),
            ["@SNMPD_PORT@"] = ServiceEndpoints.Snmpd.Port.ToString(CultureInfo.InvariantCulture),
        };

        var fleet = await StartFleetAsync(token);
        await CountyHistory.ReplayAsync(new HistoryOptions
        {
            FactsPath = RepositoryPaths.Of("fleet", "ClassroomFleet.Fleet", "Compliance", "demo", "county-410323.yaml"),
            MqttHost = _broker.Host,
            MqttPort = _broker.Port,
            DeliveredShare = new Dictionary<string, double> { ["4141032302"] = 0.35 },
            Offline = new HashSet<string> { Offline },
        }, token);

        // The replay is published once, so the ingest must have taken it: every reporting site has replayed probes
        // (older than a day: the replay covers the 20 weekdays before today, and live probes are newer). The live
        // waits below give the rest of the replay time to land before the audit.
        await WaitForAsync("SELECT count(\"down_bps\") FROM \"uplink\" WHERE time < now() - 24h GROUP BY \"school\"",
            result => result.Series.Count == Schools.Length, token);

        foreach (var school in Schools)
        {
            await StartAgentAsync(school, placeholders, cabinet: school == Schools[0], token);
        }

        // Two minutes of live telemetry: rates need two switch readings, the outbox-growing alert a derivative over
        // two one-minute buckets.
        await WaitForAsync("SELECT count(\"outbox_depth\") FROM \"agent\" WHERE time > now() - 15m GROUP BY time(1m), \"school\" fill(none)",
            result => result.Series.Count == Schools.Length && result.Series.All(s => s.Values.Count >= 3), token);
        await WaitForAsync("SELECT last(\"in_bps\") FROM \"interface\" WHERE time > now() - 15m GROUP BY \"school\"", result => result.Series.Count == Schools.Length, token);
        await WaitForAsync("SELECT last(\"temperature_c\") FROM \"cabinet\" WHERE time > now() - 15m", result => result.Series.Count > 0, token);
        await WaitForAsync("SELECT last(\"disk_free_pct\") FROM \"recorder\" WHERE time > now() - 15m", result => result.Series.Count > 0, token);
        await WaitForAsync("SELECT last(\"power_state\") FROM \"panel\" WHERE time > now() - 15m", result => result.Series.Count > 0, token);
        await WaitForAsync("SELECT last(\"down_bps\") FROM \"uplink\" WHERE \"method\" = 'iperf3' AND time > now() - 15m", result => result.Series.Count > 0, token);

        var scheduler = fleet.Services.GetServices<IHostedService>().OfType<ComplianceScheduler>().Single();
        await scheduler.RunOnceAsync(token);
    }

    public void Dispose() => _http.Dispose();

    public async Task DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts))
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
            (host as IDisposable)?.Dispose();
        }

        foreach (var simulator in _simulators)
        {
            await simulator.DisposeAsync();
        }

        await _broker.DisposeAsync();

        await _http.PostAsync(new Uri(ServiceEndpoints.Influx, $"/query?q=DROP+DATABASE+{Database}"), null);
        Directory.Delete(_folder, recursive: true);
    }

    private async Task WaitForAsync(string query, Func<StatementResult, bool> done, CancellationToken cancellationToken)
    {
        StatementResult? last = null;
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"The demo county did not produce '{query}' within {Patience.TotalMinutes} min: a part of the pipeline is broken.\n"
                    + $"Last answer: {Describe(last)}\n" + await DiagnoseAsync());
            }

            try
            {
                var result = await Influx.QueryAsync(query, CancellationToken.None);
                if (result.Statements is [var statement, ..])
                {
                    last = statement;
                    if (statement.Error is null && done(statement))
                    {
                        return;
                    }
                }
            }
            catch (InfluxQueryException)
            {
                // The database does not exist until the fleet has created it.
            }

            await Task.Delay(1000, CancellationToken.None);
        }
    }

    /// <summary>What each site's devices last reported and the hosts' last warnings, so that a timeout in CI says why.</summary>
    private async Task<string> DiagnoseAsync()
    {
        var text = new System.Text.StringBuilder();
        string[] queries =
        [
            "SELECT last(\"available\") AS \"available\", last(\"poll_ms\") AS \"poll_ms\", count(\"available\") AS \"polls\", sum(\"available\") AS \"up\" FROM \"device\" WHERE time > now() - 15m GROUP BY \"school\", \"device\"",
            "SELECT last(\"error\") FROM \"device\" WHERE time > now() - 15m GROUP BY \"school\", \"device\"",
            "SELECT count(\"in_octets\") AS \"readings\", count(\"in_bps\") AS \"rates\" FROM \"interface\" WHERE time > now() - 15m GROUP BY \"school\"",
            "SELECT last(\"discarded\") FROM \"interface\" WHERE time > now() - 15m GROUP BY \"school\"",
        ];
        foreach (var query in queries)
        {
            try
            {
                var result = await Influx.QueryAsync(query, CancellationToken.None);
                text.Append(query).Append("\n  ").Append(Describe(result.Statements is [var statement, ..] ? statement : null)).Append('\n');
            }
            catch (Exception e) when (e is InfluxQueryException or HttpRequestException)
            {
                text.Append(query).Append("\n  failed: ").Append(e.Message).Append('\n');
            }
        }

        var lines = _log.Lines;
        text.Append(CultureInfo.InvariantCulture, $"Last warnings of the fleet and agents ({lines.Count} in all):\n  ").AppendJoin("\n  ", lines.TakeLast(40));
        return text.ToString();
    }

    private static string Describe(StatementResult? statement) => statement switch
    {
        null => "none",
        { Error: { } error } => "error " + error,
        { Series.Count: 0 } => "no series",
        _ => string.Join("; ", statement.Series.Select(s =>
            string.Join(",", s.Tags.Select(t => $"{t.Key}={t.Value}")) + " " + string.Join(" ", s.Values.TakeLast(1).Select(row => string.Join("|", row))))),
    };

    private async Task<WebApplication> StartFleetAsync(CancellationToken cancellationToken)
    {
        var app = await InProcessHosts.StartFleetAsync(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Mqtt:Host"] = _broker.Host,
            ["Mqtt:Port"] = _broker.Port.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:ClientId"] = "dash-fleet-" + Database,
            ["Fleet:SharedGroup"] = Database,
            ["Fleet:DataDirectory"] = Path.Combine(_folder, "fleet"),
            ["Influx:BaseAddress"] = ServiceEndpoints.Influx.ToString(),
            ["Influx:Database"] = Database,
            ["Compliance:Schedule:FirstRunDelay"] = "01:00:00",
        }, cancellationToken, _log);
        _hosts.Add(app);
        return app;
    }

    private async Task StartAgentAsync(string school, Dictionary<string, string> placeholders, bool cabinet, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(RepositoryPaths.Of("simulators", "demo", "county", school + ".yaml.in"), cancellationToken);
        text = placeholders.Aggregate(text, (current, p) => current.Replace(p.Key, p.Value, StringComparison.Ordinal));
        var folder = Directory.CreateDirectory(Path.Combine(_folder, school)).FullName;
        var schoolFile = Path.Combine(folder, "school.yaml");
        await File.WriteAllTextAsync(schoolFile, text, cancellationToken);

        var settings = new Dictionary<string, string?>
        {
            ["Agent:SchoolFile"] = schoolFile,
            ["Agent:AgentId"] = "gw-" + school,
            ["Agent:StateDirectory"] = Path.Combine(folder, "state"),
            ["Agent:SelfTelemetryInterval"] = "00:00:05",
            ["Agent:ConfigVersion"] = "1",
            ["Credentials:switch-ro:Community"] = "switch48",
            ["Credentials:recorder:User"] = "admin",
            ["Credentials:recorder:Password"] = "demo",
            ["Credentials:recorder-ro:Community"] = "public",
            ["Mqtt:Host"] = _broker.Host,
            ["Mqtt:Port"] = _broker.Port.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:ClientId"] = $"dash-agent-{school}-{Database}",
        };
        if (cabinet)
        {
            foreach (var (key, value) in SimulatedCabinet.Create(Path.Combine(folder, "sysfs")))
            {
                settings[key] = value;
            }
        }

        var agent = await InProcessHosts.StartAgentAsync(settings, cancellationToken, _log);
        _hosts.Add(agent);
    }
}
