using System.Text;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Messaging.Tests.Integration;

/// <summary>MaximumPacketSize both ways (MQTT 5.0 §3.1.2.11.4 and §3.2.2.3.6), against mosquitto.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
public sealed class MaximumPacketSizeTests
{
    [Fact]
    public async Task A_Publish_Larger_Than_The_Brokers_Limit_Is_Refused_Before_Sending_And_The_Connection_Stays()
    {
        await using var broker = new MosquittoProcess { ExtraConfig = "max_packet_size 1000\n" };
        await broker.StartAsync();
        await using var transport = await TransportFactory.StartedAsync(TransportFactory.Options(broker));

        var tooLarge = await transport.PublishAsync(new OutgoingMessage("cftest/big", new byte[2000]));
        var fine = await transport.PublishAsync(new OutgoingMessage("cftest/small", new byte[100]));

        Assert.Equal(PublishFailure.PacketTooLarge, tooLarge.Failure);
        Assert.True(fine.Accepted);
        Assert.Equal(0, transport.Counters.ConnectionLosses);
    }

    [Fact]
    public async Task The_Broker_Does_Not_Send_Us_Packets_Above_Our_Announced_Maximum()
    {
        var topic = TransportFactory.UniqueTopic();
        var small = TransportFactory.SharedBrokerOptions();
        small.MaximumPacketSize = 1024;
        await using var subscriber = await TransportFactory.StartedAsync(small);
        var received = new Received();
        await subscriber.SubscribeAsync(topic, MessageQos.AtLeastOnce, received.Handler);
        await using var publisher = await TransportFactory.StartedAsync(TransportFactory.SharedBrokerOptions());

        Assert.True((await publisher.PublishAsync(new OutgoingMessage(topic, new byte[4000]))).Accepted);
        Assert.True((await publisher.PublishAsync(new OutgoingMessage(topic, "small"u8.ToArray()))).Accepted);

        // The oversized one was discarded for this subscriber (§3.1.2.11.4), so the small one comes first.
        Assert.Equal("small", Encoding.UTF8.GetString((await received.NextAsync()).Payload.Span));
        Assert.True(subscriber.IsConnected);
        Assert.Equal(0, subscriber.Counters.ConnectionLosses);
    }

    [Fact]
    public async Task Under_3_1_1_Which_Cannot_Announce_A_Limit_An_Oversized_Message_Is_Discarded_And_Counted()
    {
        var topic = TransportFactory.UniqueTopic();
        var small = TransportFactory.SharedBrokerOptions();
        small.ProtocolVersion = "3.1.1";
        small.MaximumPacketSize = 1024;
        await using var subscriber = await TransportFactory.StartedAsync(small);
        var received = new Received();
        await subscriber.SubscribeAsync(topic, MessageQos.AtLeastOnce, received.Handler);
        await using var publisher = await TransportFactory.StartedAsync(TransportFactory.SharedBrokerOptions());

        Assert.True((await publisher.PublishAsync(new OutgoingMessage(topic, new byte[4000]))).Accepted);
        Assert.True((await publisher.PublishAsync(new OutgoingMessage(topic, "small"u8.ToArray()))).Accepted);

        // mosquitto sent both (3.1.1 has no Maximum Packet Size); the transport let only the small one through.
        Assert.Equal("small", Encoding.UTF8.GetString((await received.NextAsync()).Payload.Span));
        Assert.Equal(2, subscriber.Counters.Received);
        Assert.Equal(1, subscriber.Counters.ReceivedOversized);
        Assert.True(subscriber.IsConnected);
    }
}
