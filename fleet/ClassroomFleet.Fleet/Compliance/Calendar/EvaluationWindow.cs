namespace ClassroomFleet.Fleet.Compliance.Calendar;

/// <summary>
/// The school days and hours over which a rule looks at telemetry, ending at the evaluation instant. A sample counts when
/// its own time (not its arrival) falls on one of the days, inside one of the hour ranges, and not after the instant.
/// </summary>
public sealed class EvaluationWindow
{
    private readonly HashSet<DateOnly> _days;

    public EvaluationWindow(IReadOnlyList<DateOnly> days, IReadOnlyList<HourRange> hours, DateTimeOffset at, bool skipsExamDays = false)
    {
        SkipsExamDays = skipsExamDays;
        Days = days;
        Hours = hours;
        At = at;
        _days = [.. days];
    }

    public IReadOnlyList<DateOnly> Days { get; }

    public IReadOnlyList<HourRange> Hours { get; }

    public DateTimeOffset At { get; }

    /// <summary>Whether the calendar's exam days were left out of <see cref="Days"/>.</summary>
    public bool SkipsExamDays { get; }

    public DateTimeOffset From => Days.Count == 0 ? At : ChinaTime.StartOf(Days[0]);

    public bool Contains(DateTimeOffset time)
    {
        if (time > At || !_days.Contains(ChinaTime.DateOf(time)))
        {
            return false;
        }

        if (Hours.Count == 0)
        {
            return true;
        }

        var local = ChinaTime.TimeOf(time);
        foreach (var range in Hours)
        {
            if (range.Contains(local))
            {
                return true;
            }
        }

        return false;
    }

    public override string ToString() =>
        Days.Count == 0 ? "(no school days)" : $"{Days[0]:yyyy-MM-dd}..{Days[^1]:yyyy-MM-dd} ({Days.Count} school days{(SkipsExamDays ? " without exam days" : "")}{(Hours.Count > 0 ? ", " + string.Join(", ", Hours) : "")})";
}
