using System.Text;

namespace ClassroomFleet.Messaging.Tests.Integration;

[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
public sealed class MqttTransportRoundTripTests
{
    [Theory]
    [InlineData(MessageQos.AtMostOnce, "5.0")]
    [InlineData(MessageQos.AtLeastOnce, "5.0")]
    [InlineData(MessageQos.ExactlyOnce, "5.0")]
    [InlineData(MessageQos.AtLeastOnce, "3.1.1")]
    [InlineData(MessageQos.ExactlyOnce, "3.1.1")]
    public async Task Publish_Is_Acknowledged_And_Delivered_To_A_Subscriber(MessageQos qos, string version)
    {
        var topic = TransportFactory.UniqueTopic();
        var subscriberOptions = TransportFactory.SharedBrokerOptions();
        subscriberOptions.ProtocolVersion = version;
        var publisherOptions = TransportFactory.SharedBrokerOptions();
        publisherOptions.ProtocolVersion = version;
        await using var subscriber = await TransportFactory.StartedAsync(subscriberOptions);
        await using var publisher = await TransportFactory.StartedAsync(publisherOptions);
        var received = new Received();
        await subscriber.SubscribeAsync(topic, qos, received.Handler);

        var result = await publisher.PublishAsync(new OutgoingMessage(topic, Encoding.UTF8.GetBytes("hello"), qos));

        Assert.True(result.Accepted, result.ToString());
        Assert.Equal(PublishFailure.None, result.Failure);
        var message = await received.NextAsync();
        Assert.Equal(topic, message.Topic);
        Assert.Equal("hello", Encoding.UTF8.GetString(message.Payload.Span));
        Assert.Equal(qos, message.Qos);
        Assert.Equal(1, publisher.Counters.Published);
    }

    [Fact]
    public async Task Response_Topic_And_Correlation_Data_Reach_The_Subscriber_Under_5_0()
    {
        var topic = TransportFactory.UniqueTopic();
        await using var subscriber = await TransportFactory.StartedAsync(TransportFactory.SharedBrokerOptions());
        await using var publisher = await TransportFactory.StartedAsync(TransportFactory.SharedBrokerOptions());
        var received = new Received();
        await subscriber.SubscribeAsync(topic, MessageQos.AtLeastOnce, received.Handler);

        var correlation = Guid.NewGuid().ToByteArray();
        await publisher.PublishAsync(new OutgoingMessage(topic, "{}"u8.ToArray())
        {
            ResponseTopic = topic + "/reply",
            CorrelationData = correlation,
            ContentType = "application/json",
            UserProperties = [new("k", "v")],
        });

        var message = await received.NextAsync();
        Assert.Equal(topic + "/reply", message.ResponseTopic);
        Assert.Equal(correlation, message.CorrelationData!.Value.ToArray());
        Assert.Equal("application/json", message.ContentType);
        Assert.Contains(new KeyValuePair<string, string>("k", "v"), message.UserProperties);
    }

    [Fact]
    public async Task A_Throwing_Handler_Is_Counted_And_Later_Messages_Still_Arrive()
    {
        var topic = TransportFactory.UniqueTopic();
        var logger = new TestLogger<MqttTransport>();
        await using var subscriber = await TransportFactory.StartedAsync(TransportFactory.SharedBrokerOptions(), logger);
        await using var publisher = await TransportFactory.StartedAsync(TransportFactory.SharedBrokerOptions());
        var received = new Received();
        await subscriber.SubscribeAsync(topic, MessageQos.AtLeastOnce, async (message, ct) =>
        {
            if (message.Payload.Span[0] == (byte)'x')
            {
                throw new InvalidOperationException("handler bug");
            }

            await received.Handler(message, ct);
        });

        await publisher.PublishAsync(new OutgoingMessage(topic, "x"u8.ToArray()));
        await publisher.PublishAsync(new OutgoingMessage(topic, "ok"u8.ToArray()));

        var message = await received.NextAsync();
        Assert.Equal("ok", Encoding.UTF8.GetString(message.Payload.Span));
        Assert.Equal(1, subscriber.Counters.HandlerFailures);
        Assert.True(logger.Has(1004));
        Assert.True(subscriber.IsConnected);
    }

    [Fact]
    public async Task A_Handler_Slower_Than_The_Timeout_Is_Counted_And_The_Next_Message_Is_Dispatched()
    {
        var topic = TransportFactory.UniqueTopic();
        var options = TransportFactory.SharedBrokerOptions();
        options.HandlerTimeout = TimeSpan.FromMilliseconds(300);
        await using var subscriber = await TransportFactory.StartedAsync(options);
        await using var publisher = await TransportFactory.StartedAsync(TransportFactory.SharedBrokerOptions());
        var received = new Received();
        var release = new TaskCompletionSource();
        await subscriber.SubscribeAsync(topic, MessageQos.AtLeastOnce, async (message, ct) =>
        {
            if (message.Payload.Span[0] == (byte)'s')
            {
                await release.Task; // ignores the token on purpose: a badly written handler
            }

            await received.Handler(message, ct);
        });

        await publisher.PublishAsync(new OutgoingMessage(topic, "slow"u8.ToArray()));
        await publisher.PublishAsync(new OutgoingMessage(topic, "next"u8.ToArray()));

        var message = await received.NextAsync();
        Assert.Equal("next", Encoding.UTF8.GetString(message.Payload.Span));
        Assert.Equal(1, subscriber.Counters.HandlerTimeouts);
        release.SetResult();
    }
}
