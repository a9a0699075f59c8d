namespace ClassroomFleet.Agent.Publishing;

/// <summary>
/// Exact counters of publishing and acknowledgement since the process started, for <c>/metrics</c>. Safe from any
/// thread. Acknowledgement messages are counted by what became of them; the batches inside them by whether the outbox
/// still knew them.
/// </summary>
public sealed class PublishCounters
{
    private long _published;
    private long _notAccepted;
    private long _republished;
    private long _republishedUnverified;
    private long _acksApplied;
    private long _acksOtherAgent;
    private long _acksForeignFleet;
    private long _acksMalformed;
    private long _ackedBatches;
    private long _ackedUnknownBatches;

    /// <summary>Batches handed to the broker and accepted by it (PUBACK), republications included.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Publishes the broker refused or that failed on the way (disconnected, timeout).</summary>
    public long NotAccepted => Interlocked.Read(ref _notAccepted);

    /// <summary>Batches published again because the fleet's acknowledgement did not come within <c>Outbox:AckTimeout</c> (event 2205).</summary>
    public long Republished => Interlocked.Read(ref _republished);

    /// <summary>Of <see cref="Republished"/>, those the broker had acknowledged without a reason code, MQTT 3.1.1 (event 2206).</summary>
    public long RepublishedUnverified => Interlocked.Read(ref _republishedUnverified);

    /// <summary>Acknowledgement messages from our fleet for this agent, applied to the outbox.</summary>
    public long AcksApplied => Interlocked.Read(ref _acksApplied);

    /// <summary>Acknowledgement messages for another agent of the same school: ignored.</summary>
    public long AcksOtherAgent => Interlocked.Read(ref _acksOtherAgent);

    /// <summary>Acknowledgement messages for this agent whose fleet identity is missing or not <c>Agent:FleetId</c>: ignored.</summary>
    public long AcksForeignFleet => Interlocked.Read(ref _acksForeignFleet);

    /// <summary>Acknowledgement messages that could not be decoded: ignored.</summary>
    public long AcksMalformed => Interlocked.Read(ref _acksMalformed);

    /// <summary>Batches named in applied acknowledgements (stored or rejected) that the outbox still held.</summary>
    public long AckedBatches => Interlocked.Read(ref _ackedBatches);

    /// <summary>Batches named in applied acknowledgements that the outbox did not hold: already gone (a duplicate ack) or never ours.</summary>
    public long AckedUnknownBatches => Interlocked.Read(ref _ackedUnknownBatches);

    internal void AddPublished() => Interlocked.Increment(ref _published);

    internal void AddNotAccepted() => Interlocked.Increment(ref _notAccepted);

    internal void AddRepublished(bool unverified)
    {
        Interlocked.Increment(ref _republished);
        if (unverified)
        {
            Interlocked.Increment(ref _republishedUnverified);
        }
    }

    internal void AddAckApplied(int known, int unknown)
    {
        Interlocked.Increment(ref _acksApplied);
        Interlocked.Add(ref _ackedBatches, known);
        Interlocked.Add(ref _ackedUnknownBatches, unknown);
    }

    internal void AddAckOtherAgent() => Interlocked.Increment(ref _acksOtherAgent);

    internal void AddAckForeignFleet() => Interlocked.Increment(ref _acksForeignFleet);

    internal void AddAckMalformed() => Interlocked.Increment(ref _acksMalformed);
}
