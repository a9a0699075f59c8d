using System.Diagnostics;

namespace ClassroomFleet.Snmp.Transport;

/// <summary>The end of a per-device budget: every attempt of every request in one operation waits at most until then.</summary>
internal readonly struct OperationDeadline
{
    // Less than this left is not worth an attempt: no answer comes back that fast, and timers are not that fine.
    private static readonly TimeSpan MinimumUsefulWait = TimeSpan.FromMilliseconds(10);

    private readonly long _end;

    private OperationDeadline(long end) => _end = end;

    public static OperationDeadline Start(TimeSpan? budget) =>
        budget is { } b ? new OperationDeadline(Stopwatch.GetTimestamp() + (long)(b.TotalSeconds * Stopwatch.Frequency)) : default;

    /// <summary>The earlier of a call's own budget (<paramref name="perCall"/>) and a poll's shared one.</summary>
    public static OperationDeadline Start(TimeSpan? perCall, SnmpBudget? shared)
    {
        var own = Start(perCall);
        if (shared is null)
        {
            return own;
        }

        var poll = shared.Deadline;
        return own.IsBounded && own._end < poll._end ? own : poll;
    }

    public static OperationDeadline At(long stopwatchTimestamp) => new(stopwatchTimestamp);

    public bool IsBounded => _end != 0;

    /// <summary>True once a bounded deadline has less left than any attempt could use.</summary>
    public bool IsSpent => IsBounded && Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _end) < MinimumUsefulWait;

    /// <summary>
    /// How long an attempt (or a pause) may wait: its own length, cut to what is left of the budget; zero when less than
    /// <see cref="MinimumUsefulWait"/> is left, so that the last sliver of a budget does not fire off a burst of retries.
    /// </summary>
    public TimeSpan Clip(TimeSpan wanted)
    {
        if (!IsBounded)
        {
            return wanted;
        }

        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _end);
        return left < MinimumUsefulWait ? TimeSpan.Zero : (left < wanted ? left : wanted);
    }
}
