using System.Collections.Concurrent;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Messaging;
using ClassroomFleet.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace ClassroomFleet.Fleet.Tests.Ingest;

/// <summary>The fleet's ingest against real mosquitto and influxd.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class IngestIntegrationTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SettlePeriod = TimeSpan.FromSeconds(5);
    private readonly string _database = "cf_ingest_" + Guid.NewGuid().ToString("N")[..12];
    private readonly HttpClient _http = new();

    public void Dispose() => _http.Dispose();

    private InfluxClient Influx(Uri url) => new(_http, new InfluxClientOptions { BaseAddress = url, Database = _database });

    [Fact]
    public async Task A_Poison_Point_Is_Quarantined_While_The_Rest_Of_Its_Batch_Lands()
    {
        using var timeout = new CancellationTokenSource(Patience);
        var ct = timeout.Token;
        // A private broker: other tests' fleets on the shared broker would ingest (and acknowledge) this stream too.
        await using var broker = await PrivateBrokerAsync(ct);
        var (host, port) = (broker.Host, broker.Port);
        await using var agent = new FakeAgent(host, port);
        await using var fleet = await FleetTestHost.StartAsync(host, port, ServiceEndpoints.Influx, _database, "fleet-poison-" + agent.School, "poison" + agent.School, cancellationToken: ct);
        await fleet.Subscribed.WaitAsync(ct);
        await agent.StartAsync(ct);
        var influx = Influx(ServiceEndpoints.Influx);

        // in_bps is a float from the first point on; a later integer in_bps is a field type conflict InfluxDB refuses.
        await agent.PublishAsync(FakeAgent.Batch(agent.School, 1, FakeAgent.Point(1)), ct);
        Assert.Equal(1, await FakeAgent.WaitForCountAsync(influx, agent.School, 1, Patience, ct));

        var poison = FakeAgent.Point(3) with { Floats = null, Integers = new Dictionary<string, long> { ["in_bps"] = 7 } };
        // Valid JSON and within every limit, but line protocol cannot carry a newline in a tag value: refused before InfluxDB.
        var unwritable = FakeAgent.Point(5) with { Tags = new Dictionary<string, string> { ["if_name"] = "Gi1/0/\n5" } };
        // A JSON null where a point belongs (an agent bug) is refused alone too.
        await agent.PublishAsync(FakeAgent.Batch(agent.School, 2, FakeAgent.Point(2), poison, unwritable, null!, FakeAgent.Point(4)), ct);

        Assert.Equal(3, await FakeAgent.WaitForCountAsync(influx, agent.School, 3, Patience, ct));
        await Eventually.HoldsAsync(() => fleet.Metrics.PointsQuarantined == 3, Patience, ct);
        var quarantine = Directory.GetFiles(Path.Combine(fleet.DataDirectory, "quarantine")).Single();
        var entries = await File.ReadAllLinesAsync(quarantine, ct);
        Assert.Equal(3, entries.Length);
        foreach (var entry in entries)
        {
            output.WriteLine(entry);
            Assert.Contains(agent.School, entry, StringComparison.Ordinal);
        }

        Assert.Single(entries, e => e.Contains("field type conflict", StringComparison.Ordinal));
        Assert.Single(entries, e => e.Contains("newline", StringComparison.Ordinal));
        Assert.Single(entries, e => e.Contains("a point is JSON null", StringComparison.Ordinal));
        Assert.Equal(6, fleet.Metrics.PointsStored + fleet.Metrics.PointsQuarantined);
    }

    [Fact]
    public async Task Two_Fleet_Instances_Split_One_Stream_With_No_Loss_And_No_Duplicate()
    {
        const int Batches = 200;
        using var timeout = new CancellationTokenSource(Patience * 2);
        var ct = timeout.Token;
        // A private broker: other tests' fleets on the shared broker would ingest (and acknowledge) this stream too.
        await using var broker = await PrivateBrokerAsync(ct);
        var (host, port) = (broker.Host, broker.Port);
        await using var agent = new FakeAgent(host, port);
        var group = "pair" + agent.School;
        await using var first = await FleetTestHost.StartAsync(host, port, ServiceEndpoints.Influx, _database, "fleet-a-" + agent.School, group, cancellationToken: ct);
        await using var second = await FleetTestHost.StartAsync(host, port, ServiceEndpoints.Influx, _database, "fleet-b-" + agent.School, group, cancellationToken: ct);
        await Task.WhenAll(first.Subscribed, second.Subscribed).WaitAsync(ct);
        await agent.StartAsync(ct);

        for (var seq = 1; seq <= Batches; seq++)
        {
            await agent.PublishAsync(FakeAgent.Batch(agent.School, seq, FakeAgent.Point(seq)), ct);
        }

        var stored = await FakeAgent.WaitForCountAsync(Influx(ServiceEndpoints.Influx), agent.School, Batches, Patience, ct);
        await Eventually.HoldsAsync(() => first.Metrics.BatchesStored + second.Metrics.BatchesStored >= Batches, Patience, ct);

        // A duplicate (a redelivery to the other instance) would arrive after the total was reached, and InfluxDB would
        // silently overwrite its point: give it many flush intervals to show up in the counters before judging.
        await Task.Delay(SettlePeriod, ct);
        stored = await FakeAgent.CountAsync(Influx(ServiceEndpoints.Influx), agent.School, "interface", "in_bps", ct);
        output.WriteLine($"expected {Batches}, stored {stored}; instance A wrote {first.Metrics.BatchesStored}, B {second.Metrics.BatchesStored}");

        Assert.Equal(Batches, stored);
        Assert.Equal(Batches, first.Metrics.BatchesStored + second.Metrics.BatchesStored);
        Assert.True(first.Metrics.BatchesStored > 0 && second.Metrics.BatchesStored > 0, "both instances take a share of the stream");
    }

    [Fact]
    public async Task InfluxDb_Stopped_For_60_Seconds_Loses_Nothing_And_Nothing_Is_Acknowledged_Before_It_Is_Stored()
    {
        const int Before = 20;
        const int During = 50;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = timeout.Token;
        await using var influxd = new InfluxdProcess();
        await influxd.StartAsync(ct);
        // A private broker: other tests' fleets on the shared broker would ingest (and acknowledge) this stream too.
        await using var broker = await PrivateBrokerAsync(ct);
        var (host, port) = (broker.Host, broker.Port);
        await using var agent = new FakeAgent(host, port);
        var acks = new ConcurrentDictionary<long, DateTime>();
        await using var ackListener = await ListenForAcksAsync(host, port, agent.School, acks, ct);
        await using var fleet = await FleetTestHost.StartAsync(host, port, influxd.Url, _database, "fleet-outage-" + agent.School, "outage" + agent.School, cancellationToken: ct);
        await fleet.Subscribed.WaitAsync(ct);
        await agent.StartAsync(ct);
        var influx = Influx(influxd.Url);

        for (var seq = 1; seq <= Before; seq++)
        {
            await agent.PublishAsync(FakeAgent.Batch(agent.School, seq, FakeAgent.Point(seq)), ct);
        }

        var storedBefore = await FakeAgent.WaitForCountAsync(influx, agent.School, Before, Patience, ct);
        Assert.True(storedBefore == Before, $"{storedBefore} of {Before} stored before the outage; {Describe(fleet)}");

        await influxd.StopAsync();
        var outageStarted = DateTime.UtcNow;
        for (var seq = Before + 1; seq <= Before + During; seq++)
        {
            await agent.PublishAsync(FakeAgent.Batch(agent.School, seq, FakeAgent.Point(seq)), ct);
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }

        var remaining = TimeSpan.FromSeconds(60) - (DateTime.UtcNow - outageStarted);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, ct);
        }

        var restarted = DateTime.UtcNow;
        var storedDuringOutage = fleet.Metrics.BatchesStored;
        await influxd.StartAsync(ct);
        var stored = await FakeAgent.WaitForCountAsync(influx, agent.School, Before + During, Patience, ct);
        await Eventually.HoldsAsync(() => acks.Count >= Before + During, Patience, ct);
        var earlyAcks = acks.Where(a => a.Key > Before && a.Value < restarted).Select(a => a.Key).ToList();
        output.WriteLine($"expected {Before + During}, stored {stored}, missing {Before + During - stored}, acknowledged {acks.Count}, acknowledged during the outage {earlyAcks.Count}");

        Assert.Equal(Before + During, stored);
        Assert.Equal(Before, storedDuringOutage);
        Assert.Empty(earlyAcks);
    }

    private static string Describe(FleetTestHost fleet) =>
        $"fleet stored {fleet.Metrics.BatchesStored} batches, rejected {fleet.Metrics.BatchesRejected}, quarantined {fleet.Metrics.PointsQuarantined} points; "
        + $"its warnings: [{string.Join(" | ", fleet.Log.Lines)}]";

    private static async Task<MosquittoProcess> PrivateBrokerAsync(CancellationToken ct)
    {
        var broker = new MosquittoProcess();
        await broker.StartAsync(ct);
        return broker;
    }

    private static async Task<MqttTransport> ListenForAcksAsync(string host, int port, string school, ConcurrentDictionary<long, DateTime> acks, CancellationToken ct)
    {
        var listener = new MqttTransport(new MqttTransportOptions { Host = host, Port = port, ClientId = "acks-" + school, CleanStart = true }, NullLogger<MqttTransport>.Instance);
        await listener.StartAsync(ct);
        await listener.SubscribeAsync(Topics.Ack(FakeAgent.County, school), MessageQos.AtLeastOnce, (message, _) =>
        {
            var ack = ContractSerializer.Deserialize(message.Payload.Span, ContractJsonContext.Default.AckMessage, a => a.Schema);
            foreach (var seq in ack.Stored)
            {
                acks.TryAdd(seq, DateTime.UtcNow);
            }

            return Task.CompletedTask;
        }, ct);
        return listener;
    }
}
