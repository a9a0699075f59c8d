using ClassroomFleet.Messaging.Connecting;

namespace ClassroomFleet.Messaging;

/// <summary>Running totals of one transport, safe to read from any thread. Also exported as metrics (meter "ClassroomFleet.Messaging").</summary>
public sealed class MqttTransportCounters
{
    private long _connects;
    private long _connectFailures;
    private long _connectionLosses;
    private long _published;
    private long _publishRejected;
    private long _publishRetried;
    private long _republishedAfterLoss;
    private long _received;
    private long _unmatched;
    private long _handlerFailures;
    private long _handlerTimeouts;
    private long _subscribeRejected;
    private long _publishedUnverified;
    private long _receivedOversized;
    private readonly long[] _connectFailuresBy = new long[Enum.GetValues<ConnectFailure>().Length];

    public long Connects => Interlocked.Read(ref _connects);

    public long ConnectFailures => Interlocked.Read(ref _connectFailures);

    /// <summary>Failed connection attempts of one kind (a CONNACK refusal code, or network / TLS).</summary>
    public long ConnectFailuresOf(ConnectFailure failure) => Interlocked.Read(ref _connectFailuresBy[(int)failure]);

    public long ConnectionLosses => Interlocked.Read(ref _connectionLosses);

    /// <summary>Publishes the broker acknowledged (QoS 1/2) or that were written (QoS 0).</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Publishes refused with a reason code, or refused locally (too large, bad topic).</summary>
    public long PublishRejected => Interlocked.Read(ref _publishRejected);

    /// <summary>Publishes sent again after the connection broke before their acknowledgement.</summary>
    public long PublishRetried => Interlocked.Read(ref _publishRetried);

    /// <summary>Acknowledged messages sent once more after a lost connection, in case the broker died before saving them.</summary>
    public long RepublishedAfterLoss => Interlocked.Read(ref _republishedAfterLoss);

    /// <summary>
    /// QoS 1/2 publishes acknowledged under MQTT 3.1.1, whose PUBACK has no reason code: the broker may have dropped
    /// them (an ACL denial is silent there), so only an acknowledgement from the consumer proves delivery.
    /// </summary>
    public long PublishedUnverified => Interlocked.Read(ref _publishedUnverified);

    public long Received => Interlocked.Read(ref _received);

    /// <summary>
    /// Received messages whose payload alone exceeds <see cref="MqttTransportOptions.MaximumPacketSize"/>: discarded
    /// without reaching a handler (a 3.1.1 broker cannot be told the limit; a 5.0 broker should not send them).
    /// </summary>
    public long ReceivedOversized => Interlocked.Read(ref _receivedOversized);

    /// <summary>Messages that matched no registered handler.</summary>
    public long Unmatched => Interlocked.Read(ref _unmatched);

    public long HandlerFailures => Interlocked.Read(ref _handlerFailures);

    public long HandlerTimeouts => Interlocked.Read(ref _handlerTimeouts);

    public long SubscribeRejected => Interlocked.Read(ref _subscribeRejected);

    internal void Connected() => Interlocked.Increment(ref _connects);

    internal void ConnectFailed(ConnectFailure failure)
    {
        Interlocked.Increment(ref _connectFailures);
        Interlocked.Increment(ref _connectFailuresBy[(int)failure]);
    }

    internal void ConnectionLost() => Interlocked.Increment(ref _connectionLosses);

    internal void PublishAccepted() => Interlocked.Increment(ref _published);

    internal void MessageOversized() => Interlocked.Increment(ref _receivedOversized);

    internal void PublishUnverified() => Interlocked.Increment(ref _publishedUnverified);

    internal void PublishRefused() => Interlocked.Increment(ref _publishRejected);

    internal void PublishRetry() => Interlocked.Increment(ref _publishRetried);

    internal void RepublishAfterLoss(int count) => Interlocked.Add(ref _republishedAfterLoss, count);

    internal void MessageReceived() => Interlocked.Increment(ref _received);

    internal void MessageUnmatched() => Interlocked.Increment(ref _unmatched);

    internal void HandlerFailed() => Interlocked.Increment(ref _handlerFailures);

    internal void HandlerTimedOut() => Interlocked.Increment(ref _handlerTimeouts);

    internal void SubscriptionRefused() => Interlocked.Increment(ref _subscribeRejected);
}
