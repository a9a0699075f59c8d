using System.Collections.Concurrent;
using System.Text;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Messaging.Tests.Integration;

[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
public sealed class MqttSessionTests
{
    [Fact]
    public async Task A_Retained_Message_Reaches_A_Later_Subscriber_With_The_Retain_Flag()
    {
        var topic = TransportFactory.UniqueTopic();
        await using (var publisher = await TransportFactory.StartedAsync(TransportFactory.SharedBrokerOptions()))
        {
            var result = await publisher.PublishAsync(new OutgoingMessage(topic, "kept"u8.ToArray(), Retain: true));
            Assert.True(result.Accepted);
        }

        await using var subscriber = await TransportFactory.StartedAsync(TransportFactory.SharedBrokerOptions());
        var received = new Received();
        await subscriber.SubscribeAsync(topic, MessageQos.AtLeastOnce, received.Handler);

        var message = await received.NextAsync();
        Assert.True(message.Retain);
        Assert.Equal("kept", Encoding.UTF8.GetString(message.Payload.Span));

        await using var cleaner = await TransportFactory.StartedAsync(TransportFactory.SharedBrokerOptions());
        await cleaner.PublishAsync(new OutgoingMessage(topic, ReadOnlyMemory<byte>.Empty, Retain: true));
    }

    [Fact]
    public async Task The_Last_Will_Is_Published_When_The_Connection_Is_Cut_But_Not_On_A_Clean_Stop()
    {
        var (host, port) = ServiceEndpoints.Mqtt;
        await using var proxy = new TcpProxy(host, port);
        var willTopic = TransportFactory.UniqueTopic("cftest/status");
        await using var watcher = await TransportFactory.StartedAsync(TransportFactory.SharedBrokerOptions());
        var received = new Received();
        await watcher.SubscribeAsync(willTopic, MessageQos.AtLeastOnce, received.Handler);

        var cleanOptions = TransportFactory.Options("127.0.0.1", proxy.Port);
        cleanOptions.Will = new MqttWillOptions { Topic = willTopic, Payload = "clean-offline" };
        var clean = await TransportFactory.StartedAsync(cleanOptions);
        await clean.DisposeAsync();

        var cutOptions = TransportFactory.Options("127.0.0.1", proxy.Port);
        cutOptions.Will = new MqttWillOptions { Topic = willTopic, Payload = "{\"online\":false}", Qos = MessageQos.AtLeastOnce };
        cutOptions.ReconnectMinDelay = TimeSpan.FromSeconds(30); // stay away after the cut, so the will is not raced by a reconnect
        cutOptions.ReconnectMaxDelay = TimeSpan.FromSeconds(30);
        await using var cut = await TransportFactory.StartedAsync(cutOptions);
        proxy.DropAll();

        var will = await received.NextAsync();
        Assert.Equal("{\"online\":false}", Encoding.UTF8.GetString(will.Payload.Span)); // and not "clean-offline", which would be first
    }

    [Fact]
    public async Task A_Persistent_Session_Receives_What_Was_Queued_While_It_Was_Offline()
    {
        await using var broker = new MosquittoProcess { ExtraConfig = "max_queued_messages 0\n" };
        await broker.StartAsync();
        var topic = TransportFactory.UniqueTopic();
        var subscriberOptions = TransportFactory.Options(broker, clientId: "cf-test-persistent-" + Guid.NewGuid().ToString("N")[..8]);
        await using (var subscriber = await TransportFactory.StartedAsync(subscriberOptions))
        {
            await subscriber.SubscribeAsync(topic, MessageQos.AtLeastOnce, new Received().Handler);
        }

        await using (var publisher = await TransportFactory.StartedAsync(TransportFactory.Options(broker)))
        {
            for (var i = 0; i < 1500; i++)
            {
                var result = await publisher.PublishAsync(new OutgoingMessage(topic, Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture))));
                Assert.True(result.Accepted);
            }
        }

        var received = new Received();
        var states = new ConcurrentQueue<ConnectionStateChangedEventArgs>();
        await using var again = new MqttTransport(subscriberOptions, new TestLogger<MqttTransport>());
        again.ConnectionStateChanged += (_, e) => states.Enqueue(e);
        await again.SubscribeAsync(topic, MessageQos.AtLeastOnce, received.Handler); // registered before connecting: nothing is lost
        await again.StartAsync();

        for (var i = 0; i < 1500; i++)
        {
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Encoding.UTF8.GetString((await received.NextAsync()).Payload.Span));
        }

        Assert.True(states.First(s => s.IsConnected).SessionPresent);
    }

    [Fact]
    public async Task With_Mosquittos_Default_Queue_Limit_An_Offline_Session_Loses_Messages_Beyond_1000()
    {
        // Documents why the README and the test broker set max_queued_messages: the default drops silently.
        await using var broker = new MosquittoProcess();
        await broker.StartAsync();
        var topic = TransportFactory.UniqueTopic();
        var subscriberOptions = TransportFactory.Options(broker, clientId: "cf-test-limited-" + Guid.NewGuid().ToString("N")[..8]);
        await using (var subscriber = await TransportFactory.StartedAsync(subscriberOptions))
        {
            await subscriber.SubscribeAsync(topic, MessageQos.AtLeastOnce, new Received().Handler);
        }

        await using (var publisher = await TransportFactory.StartedAsync(TransportFactory.Options(broker)))
        {
            for (var i = 0; i < 1200; i++)
            {
                Assert.True((await publisher.PublishAsync(new OutgoingMessage(topic, "x"u8.ToArray()))).Accepted);
            }

            await publisher.PublishAsync(new OutgoingMessage(topic + "/end", "x"u8.ToArray()));
        }

        var received = new Received();
        await using var again = new MqttTransport(subscriberOptions, new TestLogger<MqttTransport>());
        await again.SubscribeAsync(topic, MessageQos.AtLeastOnce, received.Handler);
        await again.StartAsync();
        var count = 0;
        for (; count < 1000; count++)
        {
            await received.NextAsync();
        }

        // One more message on the same subscription proves the queue held exactly 1000: it is the first after them.
        await using var publisher2 = await TransportFactory.StartedAsync(TransportFactory.Options(broker));
        await publisher2.PublishAsync(new OutgoingMessage(topic, "after"u8.ToArray()));
        Assert.Equal("after", Encoding.UTF8.GetString((await received.NextAsync()).Payload.Span));
    }
}
