namespace ClassroomFleet.Snmp;

/// <summary>Counters of one <see cref="SnmpClient"/>; read them at any time, they only grow.</summary>
public sealed class SnmpClientStatistics
{
    private long _requestsSent;
    private long _retransmissions;
    private long _timeouts;
    private long _datagramsReceived;
    private long _malformed;
    private long _unknownRequestId;
    private long _wrongEndpoint;
    private long _unexpectedPdu;
    private long _authenticationFailures;
    private long _duplicateEngineIds;
    private long _engineResynchronisations;
    private long _notInTimeWindow;
    private long _internalErrors;

    public long RequestsSent => Volatile.Read(ref _requestsSent);

    public long Retransmissions => Volatile.Read(ref _retransmissions);

    public long Timeouts => Volatile.Read(ref _timeouts);

    public long DatagramsReceived => Volatile.Read(ref _datagramsReceived);

    /// <summary>Datagrams that were not well-formed SNMP; dropped.</summary>
    public long Malformed => Volatile.Read(ref _malformed);

    /// <summary>Answers whose request-id (or v3 msgID) matched no outstanding request; dropped.</summary>
    public long UnknownRequestId => Volatile.Read(ref _unknownRequestId);

    /// <summary>Answers from an address other than the one the request went to; dropped.</summary>
    public long WrongEndpoint => Volatile.Read(ref _wrongEndpoint);

    /// <summary>Well-formed datagrams that are not an answer (a trap, a request, a wrong version); dropped.</summary>
    public long UnexpectedPdu => Volatile.Read(ref _unexpectedPdu);

    /// <summary>SNMPv3 answers that failed authentication or decryption; dropped.</summary>
    public long AuthenticationFailures => Volatile.Read(ref _authenticationFailures);

    /// <summary>Times two agents reported the same SNMPv3 engine ID (a configuration defect).</summary>
    public long DuplicateEngineIds => Volatile.Read(ref _duplicateEngineIds);

    /// <summary>SNMPv3 engine discoveries and time resynchronisations after a Report.</summary>
    public long EngineResynchronisations => Volatile.Read(ref _engineResynchronisations);

    /// <summary>Authenticated SNMPv3 answers outside the engine's time window (RFC 3414 §3.2 step 7b: too old, maybe replayed); dropped.</summary>
    public long NotInTimeWindow => Volatile.Read(ref _notInTimeWindow);

    /// <summary>Datagrams whose handling threw something other than a decode error (a defect in this library); the receive loop went on.</summary>
    public long InternalErrors => Volatile.Read(ref _internalErrors);

    internal void InternalErrorSeen() => Interlocked.Increment(ref _internalErrors);

    internal void NotInTimeWindowDropped() => Interlocked.Increment(ref _notInTimeWindow);

    internal void DuplicateEngineIdFound() => Interlocked.Increment(ref _duplicateEngineIds);

    internal void EngineResynchronised() => Interlocked.Increment(ref _engineResynchronisations);

    internal void RequestSent() => Interlocked.Increment(ref _requestsSent);

    internal void Retransmitted() => Interlocked.Increment(ref _retransmissions);

    internal void TimedOut() => Interlocked.Increment(ref _timeouts);

    internal void Received() => Interlocked.Increment(ref _datagramsReceived);

    internal void MalformedDropped() => Interlocked.Increment(ref _malformed);

    internal void UnknownRequestIdDropped() => Interlocked.Increment(ref _unknownRequestId);

    internal void WrongEndpointDropped() => Interlocked.Increment(ref _wrongEndpoint);

    internal void UnexpectedPduDropped() => Interlocked.Increment(ref _unexpectedPdu);

    internal void AuthenticationFailed() => Interlocked.Increment(ref _authenticationFailures);
}
