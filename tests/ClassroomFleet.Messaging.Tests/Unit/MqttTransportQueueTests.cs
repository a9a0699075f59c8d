using ClassroomFleet.Testing;

namespace ClassroomFleet.Messaging.Tests.Unit;

/// <summary>Queue behaviour with no broker at all (a closed port): nothing here needs a server.</summary>
public sealed class MqttTransportQueueTests
{
    private static MqttTransport Offline(int capacity = 2, int maximumPacketSize = MqttTransportOptions.DefaultMaximumPacketSize)
    {
        var options = TransportFactory.Options("127.0.0.1", MosquittoProcess.FreeTcpPort()); // nobody listens
        options.OutgoingQueueCapacity = capacity;
        options.MaximumPacketSize = maximumPacketSize;
        options.ReconnectMinDelay = TimeSpan.FromSeconds(30);
        options.ReconnectMaxDelay = TimeSpan.FromSeconds(30);
        return new MqttTransport(options, new TestLogger<MqttTransport>());
    }

    [Fact]
    public async Task A_Full_Queue_Makes_PublishAsync_Wait_And_A_Cancelled_Message_Frees_Its_Slot()
    {
        await using var transport = Offline(capacity: 2);
        await transport.StartAsync();
        using var firstCancel = new CancellationTokenSource();
        var first = transport.PublishAsync(new OutgoingMessage("a/b", "1"u8.ToArray()), firstCancel.Token).AsTask();
        var second = transport.PublishAsync(new OutgoingMessage("a/b", "2"u8.ToArray())).AsTask();
        using var thirdCancel = new CancellationTokenSource();
        var third = transport.PublishAsync(new OutgoingMessage("a/b", "3"u8.ToArray()), thirdCancel.Token).AsTask();

        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        Assert.False(third.IsCompleted);

        await firstCancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        using var fourthCancel = new CancellationTokenSource();
        var fourth = transport.PublishAsync(new OutgoingMessage("a/b", "4"u8.ToArray()), fourthCancel.Token).AsTask();
        await fourthCancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fourth); // still full: the third took the slot
        await thirdCancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => third);
        Assert.False(second.IsCompleted);
    }

    [Fact]
    public async Task Stopping_Fails_Queued_Messages_With_NotConnected()
    {
        var transport = Offline();
        await transport.StartAsync();
        var pending = transport.PublishAsync(new OutgoingMessage("a/b", "1"u8.ToArray())).AsTask();

        await transport.DisposeAsync();

        var result = await pending;
        Assert.False(result.Accepted);
        Assert.Equal(PublishFailure.NotConnected, result.Failure);
        Assert.Equal(PublishFailure.NotConnected, (await transport.PublishAsync(new OutgoingMessage("a/b", "2"u8.ToArray()))).Failure);
    }

    [Fact]
    public async Task An_Oversized_Message_Is_Refused_Before_It_Takes_A_Slot()
    {
        await using var transport = Offline(maximumPacketSize: 1024);

        var result = await transport.PublishAsync(new OutgoingMessage("a/b", new byte[2000]));

        Assert.Equal(PublishFailure.PacketTooLarge, result.Failure);
        Assert.Equal(1, transport.Counters.PublishRejected);
    }

    [Fact]
    public async Task A_Wildcard_Topic_Is_Refused_As_TopicInvalid()
    {
        await using var transport = Offline();

        var result = await transport.PublishAsync(new OutgoingMessage("a/+/b", "x"u8.ToArray()));

        Assert.Equal(PublishFailure.TopicInvalid, result.Failure);
    }

    [Fact]
    public async Task Start_Returns_After_The_First_Failed_Attempt_And_Counts_It()
    {
        await using var transport = Offline();

        await transport.StartAsync();

        Assert.False(transport.IsConnected);
        Assert.Equal(1, transport.Counters.ConnectFailures);
    }
}
