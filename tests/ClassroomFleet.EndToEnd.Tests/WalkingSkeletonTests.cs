using System.Globalization;
using System.Threading.Channels;
using ClassroomFleet.Agent.Extensions;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Fleet.Extensions;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Messaging;
using ClassroomFleet.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.EndToEnd.Tests;

/// <summary>
/// The first telemetry path, real all the way: snmpsim (a 48-port switch whose counters advance) → the agent's switch
/// poller over SNMP v2c → MQTT QoS 1 through mosquitto → the fleet's ingest → line protocol into influxd → read back
/// with InfluxQL; and the fleet's acknowledgement back to the agent's school on <c>.../ack</c>.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "snmpsim")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class WalkingSkeletonTests : IAsyncLifetime, IDisposable
{
    private const string County = "410323";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // A school code and a database of this run's own, so that runs and parallel tests never see each other's data.
    private readonly string _school = "41" + Random.Shared.NextInt64(10_000_000, 99_999_999).ToString(CultureInfo.InvariantCulture);
    private readonly string _database = "cf_e2e_" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _folder = Directory.CreateTempSubdirectory("cf-e2e-").FullName;
    private readonly List<IHost> _hosts = [];
    private HttpClient? _http;

    public Task InitializeAsync() => Task.CompletedTask;

    public void Dispose() => _http?.Dispose();

    public async Task DisposeAsync()
    {
        foreach (var disposable in _disposables)
        {
            await disposable.DisposeAsync();
        }

        foreach (var host in _hosts)
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
            (host as IDisposable)?.Dispose();
        }

        if (_http is not null)
        {
            await _http.PostAsync(new Uri(ServiceEndpoints.Influx, $"/query?q=DROP+DATABASE+{_database}"), null);
            _http.Dispose();
        }

        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public Task Switch_Counters_Travel_From_Snmp_Through_Mqtt_To_InfluxDb_And_Are_Acknowledged() =>
        RunPathAsync(ServiceEndpoints.Mqtt.Host, ServiceEndpoints.Mqtt.Port, embeddedBroker: false);

    [Fact]
    public Task The_Same_Path_Works_Through_The_Fleets_Embedded_Broker() =>
        RunPathAsync("127.0.0.1", MosquittoProcess.FreeTcpPort(), embeddedBroker: true);

    private async Task RunPathAsync(string mqttHost, int mqttPort, bool embeddedBroker)
    {
        using var timeout = new CancellationTokenSource(Patience);
        await StartFleetAsync(mqttHost, mqttPort, embeddedBroker, timeout.Token);
        var acks = await ListenForAcksAsync(mqttHost, mqttPort, timeout.Token);
        await StartAgentAsync(mqttHost, mqttPort, timeout.Token);

        var row = await WaitForUplinkRateAsync(timeout.Token);

        Assert.Equal(County, row.GetString(0, "county"));
        Assert.Equal(_school, row.GetString(0, "school"));
        Assert.Equal("sw-core-1", row.GetString(0, "device"));
        Assert.Equal("Gi1/0/49", row.GetString(0, "if_name"));
        Assert.Equal(1000, row.GetInt64(0, "speed_mbps"));
        Assert.True(row.Cell(0, "oper_up").GetBoolean());

        // The simulated uplink carries 80 Mbit/s in (simulators/snmpsim: rate=10000000 octets/s); polling jitter and
        // the recording's own timing allow some slack, but a wrong unit or direction would be far off.
        var inBps = row.GetDouble(0, "in_bps")!.Value;
        Assert.InRange(inBps, 60e6, 100e6);

        using var ackTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var ack = await acks.ReadAsync(ackTimeout.Token);
        Assert.NotEmpty(ack.Stored);

        // The agent's retained birth status reaches InfluxDB through the fleet's registry feed.
        var status = await WaitForAsync($"SELECT last(online) AS online, last(version) AS version FROM agent_status WHERE school = '{_school}'", timeout.Token);
        Assert.Equal(1, status.GetInt64(0, "online"));
        Assert.False(string.IsNullOrEmpty(status.GetString(0, "version")));
    }

    private async Task<InfluxSeries> WaitForAsync(string query, CancellationToken cancellationToken)
    {
        var influx = new InfluxClient(_http!, new InfluxClientOptions { BaseAddress = ServiceEndpoints.Influx, Database = _database });
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"Nothing answered '{query}' within {Patience.TotalSeconds} s.");
            }

            var result = await influx.QueryAsync(query, CancellationToken.None);
            if (result.Series is [var series, ..] && series.Values.Count > 0)
            {
                return series;
            }

            await Task.Delay(250, CancellationToken.None);
        }
    }

    private async Task<InfluxSeries> WaitForUplinkRateAsync(CancellationToken cancellationToken)
    {
        var influx = new InfluxClient(_http!, new InfluxClientOptions { BaseAddress = ServiceEndpoints.Influx, Database = _database });
        var query = $"SELECT in_bps, speed_mbps, oper_up, county, school, device, if_name FROM interface WHERE school = '{_school}' AND if_name = 'Gi1/0/49' AND in_bps > 0 ORDER BY time DESC LIMIT 1";
        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                Assert.Fail($"No uplink rate of {_school} reached InfluxDB within {Patience.TotalSeconds} s: a hop (SNMP, MQTT, ingest, InfluxDB) is broken.");
            }

            try
            {
                var result = await influx.QueryAsync(query, cancellationToken);
                if (result.Series is [var series, ..] && series.Values.Count > 0)
                {
                    return series;
                }
            }
            catch (InfluxQueryException)
            {
                // The database does not exist until the fleet has started.
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Reported above on the next turn.
            }

            await Task.Delay(250, CancellationToken.None);
        }
    }

    private async Task<ChannelReader<AckMessage>> ListenForAcksAsync(string host, int port, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<AckMessage>();
        var listener = new MqttTransport(
            new MqttTransportOptions { Host = host, Port = port, ClientId = "e2e-ack-" + _school, CleanStart = true },
            NullLogger<MqttTransport>.Instance);
        _disposables.Add(listener);
        await listener.StartAsync(cancellationToken);
        await listener.SubscribeAsync(Topics.Ack(County, _school), MessageQos.AtLeastOnce, (message, _) =>
        {
            channel.Writer.TryWrite(ContractSerializer.Deserialize(message.Payload.Span, ContractJsonContext.Default.AckMessage, a => a.Schema));
            return Task.CompletedTask;
        }, cancellationToken);
        return channel.Reader;
    }

    private readonly List<IAsyncDisposable> _disposables = [];

    private async Task StartFleetAsync(string host, int port, bool embeddedBroker, CancellationToken cancellationToken)
    {
        _http = new HttpClient();
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
            ["Mqtt:EmbeddedBroker:Enabled"] = embeddedBroker ? "true" : "false",
            ["Mqtt:EmbeddedBroker:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:EmbeddedBroker:AllowAnonymous"] = "true",
        }, cancellationToken);
        _hosts.Add(app);
    }

    private async Task StartAgentAsync(string host, int port, CancellationToken cancellationToken)
    {
        var schoolFile = Path.Combine(_folder, "school.yaml");
        await File.WriteAllTextAsync(schoolFile, OneSwitchSchool.Yaml(County, _school, "端到端测试学校", address: ServiceEndpoints.Snmpsim.ToString(), interval: "1s", uplink: "Gi1/0/49"), cancellationToken);

        var agent = await InProcessHosts.StartAgentAsync(new Dictionary<string, string?>
        {
            ["Agent:SchoolFile"] = schoolFile,
            ["Agent:AgentId"] = "e2e-agent",
            ["Agent:StateDirectory"] = Path.Combine(_folder, "agent-state"),
            ["Credentials:switch-ro:Community"] = "switch48",
            ["Mqtt:Host"] = host,
            ["Mqtt:Port"] = port.ToString(CultureInfo.InvariantCulture),
            ["Mqtt:ClientId"] = "e2e-agent-" + _school,
        }, cancellationToken);
        _hosts.Add(agent);
    }
}
