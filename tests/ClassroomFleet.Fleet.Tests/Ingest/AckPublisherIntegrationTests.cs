using System.Collections.Concurrent;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Fleet.Ingest;
using ClassroomFleet.Influx.Writing;
using ClassroomFleet.Messaging;
using ClassroomFleet.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Fleet.Tests.Ingest;

/// <summary>
/// The fleet's acknowledgements against a real mosquitto: nothing on the ingest path may wait on them, since the
/// handlers that reopen the fleet's receive window wait on the writer that reports deliveries here.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class AckPublisherIntegrationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _database = "cf_acks_" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_Delivery_Report_Never_Waits_On_The_Broker_And_What_Cannot_Wait_Is_Dropped_And_Counted()
    {
        using var timeout = new CancellationTokenSource(Patience * 2);
        var ct = timeout.Token;
        await using var broker = new MosquittoProcess();
        await broker.StartAsync(ct);
        var school = FakeAgent.NewSchool();
        var received = new ConcurrentQueue<(MessageQos Qos, long[] Stored)>();
        await using var listener = new MqttTransport(
            new MqttTransportOptions { Host = broker.Host, Port = broker.Port, ClientId = "acks-" + school, CleanStart = true }, NullLogger<MqttTransport>.Instance);
        await listener.StartAsync(ct);
        await listener.SubscribeAsync(Topics.Ack(FakeAgent.County, school), MessageQos.AtLeastOnce, (message, _) =>
        {
            var ack = ContractSerializer.Deserialize(message.Payload.Span, ContractJsonContext.Default.AckMessage, a => a.Schema);
            received.Enqueue((message.Qos, ack.Stored.ToArray()));
            return Task.CompletedTask;
        }, ct);
        await using var fleet = await FleetTestHost.StartAsync(broker.Host, broker.Port, ServiceEndpoints.Influx, _database, "fleet-acks-" + school, "acks" + school, cancellationToken: ct);
        await fleet.Subscribed.WaitAsync(ct);
        var publisher = fleet.Services.GetRequiredService<AckPublisher>();

        // At QoS 0 an acknowledgement waits for no PUBACK, which may sit behind telemetry the fleet has not read yet.
        Assert.True(CompletedAtOnce(publisher.OnDeliveredAsync(Report(school, 1), ct)));
        await Eventually.HoldsAsync(() => !received.IsEmpty, Patience, ct);
        var (qos, stored) = Assert.Single(received);
        Assert.Equal(MessageQos.AtMostOnce, qos);
        Assert.Equal([1L], stored);

        // With the broker gone nothing can be sent, and still no delivery report waits: past the capacity they are dropped.
        await broker.StopAsync();
        var transport = fleet.Services.GetRequiredService<IMqttTransport>();
        await Eventually.HoldsAsync(() => !transport.IsConnected, Patience, ct);
        var reports = 2 * AckPublisher.Capacity;
        var waited = 0;
        for (var seq = 2; seq < reports + 2; seq++)
        {
            if (!CompletedAtOnce(publisher.OnDeliveredAsync(Report(school, seq), ct)))
            {
                waited++;
            }
        }

        Assert.Equal(0, waited);
        Assert.InRange(fleet.Metrics.AcksDropped, 1, reports - AckPublisher.Capacity);
        Assert.Single(fleet.Log.Lines, l => l.Contains("Dropping acknowledgements", StringComparison.Ordinal));
        Assert.Equal(reports + 1, fleet.Metrics.BatchesStored);
    }

    private static bool CompletedAtOnce(ValueTask task)
    {
        if (task.IsCompletedSuccessfully)
        {
            task.GetAwaiter().GetResult();
            return true;
        }

        _ = task.AsTask();
        return false;
    }

    private static DeliveryReport Report(string school, long sequence) =>
        new(new IngestedBatch(FakeAgent.County, school, "sw-core-1", "switch", "test-agent", sequence, 1), 1, 0);
}
