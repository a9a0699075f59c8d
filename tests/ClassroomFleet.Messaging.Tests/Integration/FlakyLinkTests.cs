using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Messaging.Tests.Integration;

/// <summary>A publisher whose link is cut again and again while it streams: every message is acknowledged and arrives.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
public sealed class FlakyLinkTests
{
    [Fact]
    public async Task Every_QoS1_Message_Arrives_When_The_Publishers_Link_Keeps_Dropping()
    {
        const int Messages = 2000;
        var (host, port) = ServiceEndpoints.Mqtt;
        await using var proxy = new TcpProxy(host, port);
        var topic = TransportFactory.UniqueTopic();
        var received = new ConcurrentDictionary<string, byte>();
        var all = new TaskCompletionSource();
        await using var subscriber = await TransportFactory.StartedAsync(TransportFactory.SharedBrokerOptions());
        await subscriber.SubscribeAsync(topic, MessageQos.AtLeastOnce, (message, _) =>
        {
            received[Encoding.UTF8.GetString(message.Payload.Span)] = 0;
            if (received.Count == Messages)
            {
                all.TrySetResult();
            }

            return Task.CompletedTask;
        });
        var publisherOptions = TransportFactory.Options("127.0.0.1", proxy.Port);
        publisherOptions.ReconnectMinDelay = TimeSpan.FromMilliseconds(20);
        publisherOptions.ReconnectMaxDelay = TimeSpan.FromMilliseconds(100);
        await using var publisher = await TransportFactory.StartedAsync(publisherOptions);

        var publishes = Enumerable.Range(0, Messages)
            .Select(i => publisher.PublishAsync(new OutgoingMessage(topic, Encoding.UTF8.GetBytes(i.ToString(CultureInfo.InvariantCulture)))).AsTask())
            .ToList();
        // Ten cuts, each on a live connection while messages are in flight: the link comes back, and dies again.
        for (var cut = 0; cut < 10 && !publishes.TrueForAll(p => p.IsCompleted); cut++)
        {
            await publisher.WaitConnectedAsync(TransportFactory.Timeout(30));
            await Task.Delay(20);
            proxy.DropAll();
        }

        var results = await Task.WhenAll(publishes).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.All(results, r => Assert.True(r.Accepted, r.ToString()));
        await all.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Messages, received.Count);
        Assert.True(publisher.Counters.ConnectionLosses >= 2, $"only {publisher.Counters.ConnectionLosses} cuts hit a live connection");
    }
}
