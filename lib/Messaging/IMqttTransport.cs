namespace ClassroomFleet.Messaging;

/// <summary>
/// The MQTT connection of a process: connects, keeps reconnecting with backoff, re-subscribes, and publishes through a
/// bounded queue. State changes are announced by <see cref="ConnectionStateChanged"/>, raised on a background thread
/// (handlers must be quick and must not throw; exceptions are logged and swallowed).
/// </summary>
public interface IMqttTransport : IAsyncDisposable
{
    bool IsConnected { get; }

    MqttTransportCounters Counters { get; }

    event EventHandler<ConnectionStateChangedEventArgs>? ConnectionStateChanged;

    /// <summary>Makes the first connection attempt and returns; later attempts continue in the background.</summary>
    Task StartAsync(CancellationToken cancellationToken = default);

    /// <summary>Disconnects cleanly (the will is not published) and fails what is still queued with NotConnected.</summary>
    Task StopAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues a message and completes when the broker acknowledged it (QoS 1: PUBACK; QoS 2: PUBCOMP; QoS 0: written).
    /// Waits for queue space when <see cref="MqttTransportOptions.OutgoingQueueCapacity"/> messages are outstanding, and
    /// while disconnected. A message whose connection broke before the acknowledgement is sent again after reconnecting.
    /// Cancelling stops the wait; a message already on the wire may still reach the broker.
    /// </summary>
    ValueTask<PublishResult> PublishAsync(OutgoingMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Subscribes now if connected (throwing <see cref="MqttSubscribeException"/> when the broker refuses) and remembers
    /// the subscription so that it is renewed after every reconnect that did not keep the session. A filter may be
    /// shared (<c>$share/group/filter</c>). The handler runs on the receive path, one message at a time; an exception or a
    /// run longer than <see cref="MqttTransportOptions.HandlerTimeout"/> is logged and counted, never fatal.
    /// </summary>
    Task SubscribeAsync(string topicFilter, MessageQos qos, Func<IncomingMessage, CancellationToken, Task> handler, CancellationToken cancellationToken = default);

    Task UnsubscribeAsync(string topicFilter, CancellationToken cancellationToken = default);

    /// <summary>Completes when the transport is connected.</summary>
    Task WaitConnectedAsync(CancellationToken cancellationToken = default);
}
