using System.Diagnostics;
using ClassroomFleet.Snmp.Transport;

namespace ClassroomFleet.Snmp;

/// <summary>
/// A time budget shared by every call of one device poll: pass the same instance to each GET, walk and table of the
/// poll, and together they never run past it. Waiting for a request slot, every attempt and retry, engine discovery,
/// and the pacing between requests all come out of it; once it is spent every further call fails at once with
/// <see cref="SnmpErrorKind.Timeout"/> without sending anything. A target's own <see cref="SnmpTarget.Budget"/> still
/// bounds each single call; whichever ends first applies. Thread-safe: it only holds its end time.
/// </summary>
public sealed class SnmpBudget
{
    private readonly long _end;

    private SnmpBudget(TimeSpan total, long end)
    {
        Total = total;
        _end = end;
    }

    /// <summary>The budget as granted.</summary>
    public TimeSpan Total { get; }

    /// <summary>What is left; zero once spent.</summary>
    public TimeSpan Remaining
    {
        get
        {
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _end);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>True once too little is left for any attempt (the same test the calls make).</summary>
    public bool IsSpent => Deadline.IsSpent;

    internal OperationDeadline Deadline => OperationDeadline.At(_end);

    /// <summary>Starts a budget of <paramref name="total"/> now.</summary>
    public static SnmpBudget Start(TimeSpan total)
    {
        if (total <= TimeSpan.Zero || total > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(nameof(total), total, "A device budget must be positive and at most one day.");
        }

        return new SnmpBudget(total, Stopwatch.GetTimestamp() + (long)(total.TotalSeconds * Stopwatch.Frequency));
    }

    public override string ToString() => $"budget of {Total.TotalMilliseconds:0} ms";
}
