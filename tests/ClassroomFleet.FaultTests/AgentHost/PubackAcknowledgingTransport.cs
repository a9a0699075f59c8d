using System.Text.Json;
using ClassroomFleet.Agent.Outbox;
using ClassroomFleet.Messaging;

namespace ClassroomFleet.FaultTests.AgentHost;

/// <summary>
/// Negative control: treats the broker's PUBACK as if the fleet had stored the batch, the way an agent trusting
/// QoS 1 alone would. Whatever the broker then loses is lost for good.
/// </summary>
internal sealed class PubackAcknowledgingTransport(MqttTransport inner, IOutbox outbox) : IMqttTransport
{
    public bool IsConnected => inner.IsConnected;

    public MqttTransportCounters Counters => inner.Counters;

    public event EventHandler<ConnectionStateChangedEventArgs>? ConnectionStateChanged
    {
        add => inner.ConnectionStateChanged += value;
        remove => inner.ConnectionStateChanged -= value;
    }

    public async ValueTask<PublishResult> PublishAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        var result = await inner.PublishAsync(message, cancellationToken).ConfigureAwait(false);
        if (result.Accepted && message.Topic.Contains("/telemetry/", StringComparison.Ordinal))
        {
            using var batch = JsonDocument.Parse(message.Payload);
            outbox.Acknowledge([batch.RootElement.GetProperty("seq").GetInt64()]);
        }

        return result;
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => inner.StopAsync(cancellationToken);

    public Task SubscribeAsync(string topicFilter, MessageQos qos, Func<IncomingMessage, CancellationToken, Task> handler, CancellationToken cancellationToken = default) =>
        inner.SubscribeAsync(topicFilter, qos, handler, cancellationToken);

    public Task UnsubscribeAsync(string topicFilter, CancellationToken cancellationToken = default) => inner.UnsubscribeAsync(topicFilter, cancellationToken);

    public Task WaitConnectedAsync(CancellationToken cancellationToken = default) => inner.WaitConnectedAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
