namespace ClassroomFleet.Agent.Outbox;

/// <summary>
/// What waits for the fleet, in sequence order, with the in-flight window and the byte total. Not thread-safe: the
/// owning outbox holds its lock around every call.
/// </summary>
internal sealed class OutboxIndex(TimeProvider time, OutboxOptions options)
{
    private readonly SortedDictionary<long, OutboxEntry> _entries = [];

    public int Count => _entries.Count;

    public long Bytes { get; private set; }

    public int InFlight { get; private set; }

    public OutboxEntry? Oldest
    {
        get
        {
            foreach (var entry in _entries.Values)
            {
                return entry;
            }

            return null;
        }
    }

    public void Add(OutboxEntry entry)
    {
        _entries.Add(entry.Sequence, entry);
        Bytes += entry.Size;
    }

    public OutboxEntry? Remove(long sequence)
    {
        if (!_entries.Remove(sequence, out var entry))
        {
            return null;
        }

        Bytes -= entry.Size;
        if (entry.TakenAt is not null)
        {
            InFlight--;
        }

        return entry;
    }

    /// <summary>Ready entries first in sequence order; an entry taken longer ago than the ack timeout counts as ready again.</summary>
    public List<OutboxEntry> Take(int max)
    {
        var now = time.GetTimestamp();
        var taken = new List<OutboxEntry>();
        var inFlightBefore = InFlight;
        var inFlightSeen = 0;
        foreach (var entry in _entries.Values)
        {
            // With the window full, nothing past the last in-flight entry can be taken: stop early on a long backlog.
            if (taken.Count >= max || (InFlight >= options.MaxInFlight && inFlightSeen >= inFlightBefore))
            {
                break;
            }

            if (entry.TakenAt is { } at)
            {
                inFlightSeen++;
                if (time.GetElapsedTime(at, now) < options.AckTimeout)
                {
                    continue;
                }

                entry.TakenAt = now;
                taken.Add(entry);
                continue;
            }

            if (InFlight >= options.MaxInFlight)
            {
                continue;
            }

            entry.TakenAt = now;
            InFlight++;
            taken.Add(entry);
        }

        return taken;
    }

    public void Release(long sequence)
    {
        if (_entries.TryGetValue(sequence, out var entry) && entry.TakenAt is not null)
        {
            entry.TakenAt = null;
            InFlight--;
        }
    }

    /// <summary>Entries created before <paramref name="cutoffUnixMs"/>, oldest first (sequence order follows creation order).</summary>
    public List<OutboxEntry> CreatedBefore(long cutoffUnixMs)
    {
        var old = new List<OutboxEntry>();
        foreach (var entry in _entries.Values)
        {
            if (entry.CreatedUnixMs < cutoffUnixMs)
            {
                old.Add(entry);
            }
        }

        return old;
    }

    public bool Contains(long sequence) => _entries.ContainsKey(sequence);

    public List<OutboxEntry> InSegment(SegmentFile segment)
    {
        var found = new List<OutboxEntry>();
        foreach (var entry in _entries.Values)
        {
            if (entry.Segment == segment)
            {
                found.Add(entry);
            }
        }

        return found;
    }
}
