using System.Text;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Messaging.Tests.Integration;

[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
public sealed class MqttTransportReconnectTests
{
    [Fact]
    public async Task After_The_Broker_Is_Killed_And_Restarted_The_Transport_Reconnects_And_Resubscribes()
    {
        await using var broker = new MosquittoProcess { PersistenceConfig = "persistence false\n" };
        await broker.StartAsync();
        var topic = TransportFactory.UniqueTopic();
        var subscriberOptions = TransportFactory.Options(broker);
        subscriberOptions.CleanStart = true; // no session survives: the subscription must be sent again
        await using var subscriber = await TransportFactory.StartedAsync(subscriberOptions);
        var received = new Received();
        await subscriber.SubscribeAsync(topic, MessageQos.AtLeastOnce, received.Handler);
        var states = new List<bool>();
        subscriber.ConnectionStateChanged += (_, e) => { lock (states) { states.Add(e.IsConnected); } };

        await broker.RestartAsync(hard: true);
        await WaitUntilAsync(() => subscriber.Counters.Connects >= 2);
        await using var publisher = await TransportFactory.StartedAsync(TransportFactory.Options(broker));
        var result = await publisher.PublishAsync(new OutgoingMessage(topic, "after restart"u8.ToArray()));

        Assert.True(result.Accepted);
        var message = await received.NextAsync();
        Assert.Equal("after restart", Encoding.UTF8.GetString(message.Payload.Span));
        Assert.True(subscriber.Counters.ConnectionLosses >= 1);
        lock (states)
        {
            Assert.Contains(false, states);
            Assert.True(states[^1]);
        }
    }

    [Fact]
    public async Task Publishes_Made_While_The_Broker_Is_Down_Are_Sent_After_It_Returns()
    {
        await using var broker = new MosquittoProcess();
        await broker.StartAsync();
        var topic = TransportFactory.UniqueTopic();
        await using var subscriber = await TransportFactory.StartedAsync(TransportFactory.Options(broker));
        var received = new Received();
        await subscriber.SubscribeAsync(topic, MessageQos.AtLeastOnce, received.Handler);
        await using var publisher = await TransportFactory.StartedAsync(TransportFactory.Options(broker));

        await broker.KillAsync();
        await WaitUntilAsync(() => !publisher.IsConnected);
        var pending = publisher.PublishAsync(new OutgoingMessage(topic, "queued"u8.ToArray())).AsTask();
        Assert.False(pending.IsCompleted);
        await broker.StartAsync();

        var result = await pending.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(result.Accepted);
        var message = await received.NextAsync(20);
        Assert.Equal("queued", Encoding.UTF8.GetString(message.Payload.Span));
    }

    internal static async Task WaitUntilAsync(Func<bool> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not reached");
            }

            await Task.Delay(50);
        }
    }
}
