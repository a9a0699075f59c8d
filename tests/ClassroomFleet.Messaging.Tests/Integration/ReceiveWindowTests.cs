using ClassroomFleet.Testing;

namespace ClassroomFleet.Messaging.Tests.Integration;

/// <summary>
/// The transport holds the broker to its Receive Maximum even when the broker overruns it (mosquitto 2.0.11 does while
/// acknowledgements stream in): a subscriber slower than its publisher never has more than the window read and
/// unacknowledged, and still gets every message.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
public sealed class ReceiveWindowTests
{
    [Fact]
    public async Task A_Slow_Subscriber_Holds_No_More_Than_Its_Window_And_Gets_Every_Message()
    {
        await using var broker = new MosquittoProcess { ExtraConfig = "max_queued_messages 100000\n" };
        await broker.StartAsync();
        var topic = TransportFactory.UniqueTopic();
        var options = TransportFactory.Options(broker);
        options.ReceiveMaximum = 5;
        await using var subscriber = await TransportFactory.StartedAsync(options);
        const int Messages = 1500;
        var handled = 0;
        var most = 0;
        await subscriber.SubscribeAsync("$share/fleet/" + topic, MessageQos.AtLeastOnce, async (_, cancellationToken) =>
        {
            most = Math.Max(most, subscriber.ReceivedUnacknowledged);
            Interlocked.Increment(ref handled);
            await Task.Delay(1, cancellationToken);
        });

        await using var publisher = await TransportFactory.StartedAsync(TransportFactory.Options(broker));
        var sends = Enumerable.Range(0, Messages).Select(_ => publisher.PublishAsync(new OutgoingMessage(topic, new byte[3000])).AsTask()).ToList();
        Assert.All(await Task.WhenAll(sends), result => Assert.True(result.Accepted));

        await Eventually.HoldsAsync(() => Volatile.Read(ref handled) == Messages, TimeSpan.FromSeconds(60), TransportFactory.Timeout(90));
        // The window, plus the one message read while the window was full.
        Assert.InRange(most, 1, options.ReceiveMaximum + 1);
    }
}
