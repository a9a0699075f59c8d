namespace ClassroomFleet.Agent.Outbox;

/// <summary>Exact counters since the process started, safe to update from any thread.</summary>
internal sealed class OutboxCounters
{
    private readonly long[] _dropped = new long[Enum.GetValues<DropReason>().Length];
    private long _appended;
    private long _acknowledged;
    private long _quarantined;

    public long Appended => Interlocked.Read(ref _appended);

    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    public long QuarantinedSegments => Interlocked.Read(ref _quarantined);

    public void AddAppended(long count) => Interlocked.Add(ref _appended, count);

    public void AddAcknowledged(long count) => Interlocked.Add(ref _acknowledged, count);

    public void AddQuarantined() => Interlocked.Increment(ref _quarantined);

    public void AddDropped(DropReason reason, long count) => Interlocked.Add(ref _dropped[(int)reason], count);

    public IReadOnlyDictionary<DropReason, long> Dropped()
    {
        var result = new Dictionary<DropReason, long>(_dropped.Length);
        foreach (var reason in Enum.GetValues<DropReason>())
        {
            result[reason] = Interlocked.Read(ref _dropped[(int)reason]);
        }

        return result;
    }
}
