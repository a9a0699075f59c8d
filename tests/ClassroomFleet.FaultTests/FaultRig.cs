using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using ClassroomFleet.Fleet.Extensions;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace ClassroomFleet.FaultTests;

/// <summary>
/// Everything one fault test needs: its own mosquitto (killable), the real fleet in-process (stoppable), a database of
/// its own in the shared influxd, a school of synthetic devices, the agent process, and the ledger of what the agent
/// reported as collected (S) or dropped (reason) per synthetic point.
/// </summary>
public sealed class FaultRig : IAsyncDisposable
{
    public const string County = "410323";

    /// <summary>Not the default, so that an acknowledgement without the fleet's identity would leave the outbox untouched.</summary>
    public const string FleetId = "fault-fleet";

    private readonly ITestOutputHelper _output;
    private readonly HttpClient _http = new();
    private WebApplication? _fleet;
    private AgentProcess? _agent;

    public FaultRig(ITestOutputHelper output)
    {
        _output = output;
        Folder = Directory.CreateTempSubdirectory("cf-fault-").FullName;
        StateDirectory = Path.Combine(Folder, "state");
        Directory.CreateDirectory(StateDirectory);
        HealthPort = MosquittoProcess.FreeTcpPort();
    }

    public string School { get; } = "41" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);

    public string Database { get; } = "cf_fault_" + Guid.NewGuid().ToString("N")[..12];

    public string Folder { get; }

    public string StateDirectory { get; set; }

    public int HealthPort { get; }

    public MosquittoProcess Mosquitto { get; } = new();

    public ConcurrentDictionary<long, string> Ledger { get; } = new();

    public AgentProcess? Agent => _agent;

    public async Task StartAsync(int devices, string interval, string mosquittoConfig = "")
    {
        Mosquitto.ExtraConfig = mosquittoConfig;
        await Mosquitto.StartAsync();
        var lines = new List<string>
        {
            "schema: classroomfleet.school/v1",
            $"county: \"{County}\"",
            $"school: \"{School}\"",
            "name: 故障测试学校",
            "category: urban",
            "rooms:",
            "  - { id: r1, name: 机房, type: network }",
            "devices:",
        };
        for (var i = 0; i < devices; i++)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"  - {{ id: synth-{i:00}, kind: cabinet, room: r1, address: \"127.0.0.1:{20000 + i}\", interval: {interval} }}"));
        }

        await File.WriteAllLinesAsync(Path.Combine(Folder, "school.yaml"), lines);
    }

    public async Task StartFleetAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Mqtt:Host"] = Mosquitto.Host,
            ["Mqtt:Port"] = Mosquitto.Port.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:ClientId"] = "fault-fleet-" + School,
            ["Mqtt:ReconnectMaxDelay"] = "00:00:02",
            ["Fleet:SharedGroup"] = "fault" + School,
            ["Fleet:Id"] = FleetId,
            ["Influx:BaseAddress"] = ServiceEndpoints.Influx.ToString(),
            ["Influx:Database"] = Database,
            // The compliance scheduler would evaluate the county every hour on its own; a fault test measures ingest only.
            ["Compliance:Schedule:Enabled"] = "false",
        });
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.AddFleet();
        _fleet = builder.Build();
        _fleet.MapFleet();
        await _fleet.StartAsync();
    }

    public async Task StopFleetAsync()
    {
        if (_fleet is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _fleet.StopAsync(timeout.Token);
            await _fleet.DisposeAsync();
            _fleet = null;
        }
    }

    public AgentProcess StartAgent(int run, string mode = "durable", IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["CF_FAULT_RUN"] = run.ToString(CultureInfo.InvariantCulture),
            ["CF_FAULT_MODE"] = mode,
            ["Agent__SchoolFile"] = Path.Combine(Folder, "school.yaml"),
            ["Agent__AgentId"] = "fault-agent",
            ["Agent__FleetId"] = FleetId,
            ["Agent__StateDirectory"] = StateDirectory,
            ["Agent__HealthEndpoint"] = "127.0.0.1:" + HealthPort.ToString(CultureInfo.InvariantCulture),
            ["Agent__SelfTelemetryInterval"] = "00:00:05",
            ["Outbox__AckTimeout"] = "00:00:05",
            ["Mqtt__Host"] = Mosquitto.Host,
            ["Mqtt__Port"] = Mosquitto.Port.ToString(CultureInfo.InvariantCulture),
            ["Mqtt__ClientId"] = "fault-agent-" + School,
            ["Mqtt__ReconnectMinDelay"] = "00:00:00.200",
            ["Mqtt__ReconnectMaxDelay"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__Console__FormatterName"] = "simple",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        _agent = AgentProcess.Start(environment, Ledger);
        return _agent;
    }

    /// <summary>The agent's /metrics as name{labels} → value; empty while it does not answer.</summary>
    public async Task<Dictionary<string, double>> MetricsAsync()
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        try
        {
            var text = await _http.GetStringAsync(new Uri($"http://127.0.0.1:{HealthPort}/metrics"));
            foreach (var line in text.Split('\n'))
            {
                if (line.Length == 0 || line[0] == '#')
                {
                    continue;
                }

                var space = line.LastIndexOf(' ');
                metrics[line[..space]] = double.Parse(line[(space + 1)..], CultureInfo.InvariantCulture);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or TaskCanceledException)
        {
        }

        return metrics;
    }

    public async Task<int> HealthStatusAsync()
    {
        using var response = await _http.GetAsync(new Uri($"http://127.0.0.1:{HealthPort}/healthz"));
        return (int)response.StatusCode;
    }

    /// <summary>The n of every synthetic point of this school in InfluxDB, and how many rows they came in.</summary>
    public async Task<(HashSet<long> Stored, int Rows)> StoredAsync()
    {
        var influx = new InfluxClient(_http, new InfluxClientOptions { BaseAddress = ServiceEndpoints.Influx, Database = Database });
        var stored = new HashSet<long>();
        var rows = 0;
        try
        {
            var result = await influx.QueryAsync($"SELECT n FROM synthetic WHERE school = '{School}'");
            foreach (var series in result.Series)
            {
                for (var row = 0; row < series.Values.Count; row++)
                {
                    stored.Add(series.GetInt64(row, "n")!.Value);
                    rows++;
                }
            }
        }
        catch (InfluxQueryException)
        {
            // No database yet: nothing stored.
        }

        return (stored, rows);
    }

    /// <summary>
    /// Waits until every point that the agent had reported as collected when the wait began is in InfluxDB (but those in
    /// <paramref name="lost"/>, a loss the scenario expects and counts), or the patience runs out. The snapshot is taken
    /// once: an agent that still runs keeps collecting, and its newest points are always on their way, so a snapshot
    /// renewed at each query would never be complete in InfluxDB and would count in-flight points as missing.
    /// </summary>
    public async Task<Tally> WaitForCollectedAsync(TimeSpan patience, IReadOnlySet<long>? lost = null)
    {
        var deadline = DateTime.UtcNow + patience;
        var ledger = new Dictionary<long, string>(Ledger);
        while (true)
        {
            var (stored, rows) = await StoredAsync();
            var tally = new Tally(ledger, stored, rows);
            if (tally.Collected.All(n => stored.Contains(n) || lost?.Contains(n) == true) || DateTime.UtcNow > deadline)
            {
                return tally;
            }

            await Task.Delay(500);
        }
    }

    /// <summary>
    /// Prints expected / stored / missing / dropped / duplicated, asserts that no point was stored twice, and returns
    /// the missing and the dropped points of the snapshot.
    /// </summary>
    public (HashSet<long> Missing, HashSet<long> Dropped) Account(string scenario, Tally tally)
    {
        ArgumentNullException.ThrowIfNull(tally);
        var expected = tally.Ledger.Keys.ToHashSet();
        var dropped = tally.Ledger.Where(e => e.Value != "S").Select(e => e.Key).ToHashSet();
        var missing = expected.Where(n => !tally.Stored.Contains(n)).ToHashSet();
        var byReason = string.Join(", ", tally.Ledger.Values.Where(v => v != "S").GroupBy(v => v).Select(g => $"{g.Key}={g.Count()}"));
        var unreported = tally.Stored.Count(n => !expected.Contains(n));
        var lost = missing.Where(n => tally.Ledger[n] == "S").Order().Take(10);
        if (lost.Any())
        {
            _output.WriteLine($"[{scenario}] collected but not stored (first 10): {string.Join(", ", lost)}");
        }

        _output.WriteLine($"[{scenario}] expected={expected.Count} stored={tally.Stored.Count(expected.Contains)} missing={missing.Count} dropped={dropped.Count} ({byReason}) duplicated={tally.Duplicates} stored-but-not-in-the-snapshot(collected after it, or killed before reporting)={unreported}");
        Assert.True(tally.Duplicates == 0, $"[{scenario}] {tally.Duplicates} points are stored twice: a replay did not overwrite itself");
        return (missing, dropped);
    }

    public void Log(string message) => _output.WriteLine(message);

    /// <summary>Waits until the agent reported at least <paramref name="count"/> points (the machine may be slow to start it).</summary>
    public async Task WaitForLedgerAsync(int count, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (Ledger.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(Ledger.Count >= count, $"the agent reported only {Ledger.Count} points within {patience.TotalSeconds} s: {_agent?.Errors}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_agent is not null)
        {
            await _agent.DisposeAsync();
        }

        await StopFleetAsync();
        await Mosquitto.DisposeAsync();
        try
        {
            await _http.PostAsync(new Uri(ServiceEndpoints.Influx, $"/query?q=DROP+DATABASE+{Database}"), null);
        }
        catch (HttpRequestException)
        {
        }

        _http.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
