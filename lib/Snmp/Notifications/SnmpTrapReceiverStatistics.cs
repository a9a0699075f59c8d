namespace ClassroomFleet.Snmp;

/// <summary>Counters of one <see cref="SnmpTrapReceiver"/>; they only grow.</summary>
public sealed class SnmpTrapReceiverStatistics
{
    private long _received;
    private long _delivered;
    private long _informsAcknowledged;
    private long _malformed;
    private long _unknownCommunity;
    private long _securityFailures;
    private long _reportsSent;
    private long _queueFull;
    private long _unexpectedPdu;
    private long _internalErrors;

    public long Received => Volatile.Read(ref _received);

    public long Delivered => Volatile.Read(ref _delivered);

    public long InformsAcknowledged => Volatile.Read(ref _informsAcknowledged);

    public long Malformed => Volatile.Read(ref _malformed);

    public long UnknownCommunity => Volatile.Read(ref _unknownCommunity);

    /// <summary>Unknown users, wrong digests, failed decryption, out of the time window.</summary>
    public long SecurityFailures => Volatile.Read(ref _securityFailures);

    /// <summary>Report PDUs sent to inform senders (engine discovery, time window).</summary>
    public long ReportsSent => Volatile.Read(ref _reportsSent);

    public long QueueFull => Volatile.Read(ref _queueFull);

    public long UnexpectedPdu => Volatile.Read(ref _unexpectedPdu);

    /// <summary>Datagrams whose handling threw something other than a decode error (a defect in this library); the receive loop went on.</summary>
    public long InternalErrors => Volatile.Read(ref _internalErrors);

    internal void OnInternalError() => Interlocked.Increment(ref _internalErrors);

    internal void OnReceived() => Interlocked.Increment(ref _received);

    internal void OnDelivered() => Interlocked.Increment(ref _delivered);

    internal void OnInformAcknowledged() => Interlocked.Increment(ref _informsAcknowledged);

    internal void OnMalformed() => Interlocked.Increment(ref _malformed);

    internal void OnUnknownCommunity() => Interlocked.Increment(ref _unknownCommunity);

    internal void OnSecurityFailure() => Interlocked.Increment(ref _securityFailures);

    internal void OnReportSent() => Interlocked.Increment(ref _reportsSent);

    internal void OnQueueFull() => Interlocked.Increment(ref _queueFull);

    internal void OnUnexpectedPdu() => Interlocked.Increment(ref _unexpectedPdu);
}
