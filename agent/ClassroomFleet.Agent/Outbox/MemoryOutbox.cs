namespace ClassroomFleet.Agent.Outbox;

/// <summary>
/// The outbox without a disk: same contract, bounds and counters as <see cref="FileOutbox"/>, but a crash or restart
/// loses everything it holds. For a gateway with no writable storage, and the negative control of the fault tests.
/// </summary>
public sealed class MemoryOutbox(OutboxOptions options, TimeProvider time) : IOutbox
{
    private readonly OutboxIndex _index = new(time, options);
    private readonly OutboxCounters _counters = new();
    private readonly ReadySignal _ready = new();
    private readonly Lock _gate = new();
    private long _nextSequence = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    public Task OpenAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public ValueTask<AppendResult> AppendAsync(OutboxAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        long sequence;
        lock (_gate)
        {
            ExpireOld();
            var size = SegmentCodec.RecordLength(append);
            long dropped = 0;
            while (_index.Bytes + size > options.MaxBytes && _index.Oldest is { } oldest)
            {
                _index.Remove(oldest.Sequence);
                dropped++;
            }

            _counters.AddDropped(DropReason.Overflow, dropped);
            sequence = _nextSequence++;
            _index.Add(new OutboxEntry(sequence, append.Device, append.Kind, append.CreatedUnixMs, size) { Points = append.Points.ToArray() });
            _counters.AddAppended(1);
        }

        _ready.Set();
        return ValueTask.FromResult(AppendResult.Success(sequence));
    }

    public ValueTask<IReadOnlyList<OutboxRecord>> TakeReadyAsync(int max, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            ExpireOld();
            var taken = _index.Take(max);
            IReadOnlyList<OutboxRecord> records = taken.ConvertAll(e => new OutboxRecord(e.Sequence, e.Device, e.Kind, e.CreatedUnixMs, e.Points));
            return ValueTask.FromResult(records);
        }
    }

    public Task WaitReadyAsync(TimeSpan limit, CancellationToken cancellationToken = default) => _ready.WaitAsync(limit, cancellationToken);

    public int Acknowledge(IReadOnlyList<long> stored) => Finish(stored, null);

    public int Reject(IReadOnlyList<long> rejected) => Finish(rejected, DropReason.Rejected);

    public void Release(long sequence)
    {
        lock (_gate)
        {
            _index.Release(sequence);
        }

        _ready.Set();
    }

    public OutboxStats GetStats()
    {
        lock (_gate)
        {
            var oldest = _index.Oldest;
            var age = oldest is null ? 0 : Math.Max(0, (time.GetUtcNow().ToUnixTimeMilliseconds() - oldest.CreatedUnixMs) / 1000.0);
            return new OutboxStats(_index.Count, _index.Bytes, age, _index.InFlight, _counters.Appended, _counters.Acknowledged,
                0, _counters.Dropped(), true, null);
        }
    }

    public Task CloseAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    private int Finish(IReadOnlyList<long> sequences, DropReason? reason)
    {
        var known = 0;
        lock (_gate)
        {
            foreach (var sequence in sequences)
            {
                if (_index.Remove(sequence) is null)
                {
                    continue;
                }

                known++;

                if (reason is { } dropped)
                {
                    _counters.AddDropped(dropped, 1);
                }
                else
                {
                    _counters.AddAcknowledged(1);
                }
            }
        }

        _ready.Set();
        return known;
    }

    private void ExpireOld()
    {
        var cutoff = time.GetUtcNow().ToUnixTimeMilliseconds() - (long)options.MaxAge.TotalMilliseconds;
        if (_index.Oldest is not { } oldest || oldest.CreatedUnixMs >= cutoff)
        {
            return;
        }

        var expired = _index.CreatedBefore(cutoff);
        foreach (var entry in expired)
        {
            _index.Remove(entry.Sequence);
        }

        _counters.AddDropped(DropReason.Expired, expired.Count);
    }
}
