using System.Diagnostics;

namespace ClassroomFleet.Snmp.Transport;

/// <summary>The end of a per-device budget: every attempt of every request in one operation waits at most until then.</summary>
internal readonly struct OperationDeadline
{
    private readonly long _end;

    private OperationDeadline(long end) => _end = end;

    public static OperationDeadline Start(TimeSpan? budget) =>
        budget is { } b ? new OperationDeadline(Stopwatch.GetTimestamp() + (long)(b.TotalSeconds * Stopwatch.Frequency)) : default;

    public bool IsBounded => _end != 0;

    /// <summary>How long an attempt may wait: its own timeout, cut to what is left of the budget (zero when it is spent).</summary>
    public TimeSpan Clip(TimeSpan attemptTimeout)
    {
        if (!IsBounded)
        {
            return attemptTimeout;
        }

        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _end);
        return left <= TimeSpan.Zero ? TimeSpan.Zero : (left < attemptTimeout ? left : attemptTimeout);
    }
}
