using System.Collections.Concurrent;
using System.Text;

namespace ClassroomFleet.Messaging.Tests.Integration;

[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
public sealed class MqttRequestResponseTests
{
    [Fact]
    public async Task A_Request_Is_Answered_On_Its_Response_Topic_With_Its_Correlation_Data()
    {
        var commandTopic = TransportFactory.UniqueTopic("cftest/command");
        await using var agent = await TransportFactory.StartedAsync(TransportFactory.SharedBrokerOptions());
        await agent.SubscribeAsync(commandTopic, MessageQos.AtLeastOnce, async (request, ct) =>
        {
            var answer = "done:" + Encoding.UTF8.GetString(request.Payload.Span);
            await agent.PublishAsync(MqttRequestClient.CreateReply(request, Encoding.UTF8.GetBytes(answer)), ct);
        });
        await using var fleet = await TransportFactory.StartedAsync(TransportFactory.SharedBrokerOptions());
        var requests = new MqttRequestClient(fleet, TransportFactory.UniqueTopic("cftest/reply"));
        await requests.StartAsync();

        var first = requests.RequestAsync(new OutgoingMessage(commandTopic, "reboot"u8.ToArray()), TimeSpan.FromSeconds(10));
        var second = requests.RequestAsync(new OutgoingMessage(commandTopic, "poll"u8.ToArray()), TimeSpan.FromSeconds(10));

        Assert.Equal("done:reboot", Encoding.UTF8.GetString((await first).Payload.Span));
        Assert.Equal("done:poll", Encoding.UTF8.GetString((await second).Payload.Span));
        Assert.Equal(0, requests.UnmatchedReplies);
    }

    [Fact]
    public async Task A_Shared_Subscription_Splits_The_Stream_So_Each_Message_Reaches_One_Fleet_Instance()
    {
        var prefix = TransportFactory.UniqueTopic();
        var group = "g" + Guid.NewGuid().ToString("N")[..8];
        var seen = new ConcurrentDictionary<string, int>();
        var perInstance = new int[2];
        var all = new TaskCompletionSource();
        const int Messages = 200;
        var instances = new List<MqttTransport>();
        for (var i = 0; i < 2; i++)
        {
            var instance = i;
            var transport = await TransportFactory.StartedAsync(TransportFactory.SharedBrokerOptions());
            instances.Add(transport);
            await transport.SubscribeAsync($"$share/{group}/{prefix}/+", MessageQos.AtLeastOnce, (message, _) =>
            {
                Interlocked.Increment(ref perInstance[instance]);
                if (seen.AddOrUpdate(message.Topic, 1, (_, n) => n + 1) == 1 && seen.Count == Messages)
                {
                    all.TrySetResult();
                }

                return Task.CompletedTask;
            });
        }

        await using var publisher = await TransportFactory.StartedAsync(TransportFactory.SharedBrokerOptions());
        for (var i = 0; i < Messages; i++)
        {
            await publisher.PublishAsync(new OutgoingMessage($"{prefix}/{i}", "x"u8.ToArray()));
        }

        await all.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.All(seen.Values, n => Assert.Equal(1, n));
        Assert.Equal(Messages, perInstance[0] + perInstance[1]);
        Assert.True(perInstance[0] > 0 && perInstance[1] > 0, $"split {perInstance[0]}/{perInstance[1]}");
        foreach (var transport in instances)
        {
            await transport.DisposeAsync();
        }
    }
}
