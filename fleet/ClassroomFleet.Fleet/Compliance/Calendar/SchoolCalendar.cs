namespace ClassroomFleet.Fleet.Compliance.Calendar;

/// <summary>
/// School days of one school year: a day is a school day when it lies in a term and is either a weekday that is not a
/// holiday, or a make-up working day (调休上班) on a weekend. Days outside <see cref="Coverage"/> are not known at all.
/// </summary>
public sealed class SchoolCalendar
{
    private readonly HashSet<DateOnly> _makeupDays;
    private readonly IReadOnlyList<CalendarEntry> _terms;
    private readonly IReadOnlyList<CalendarEntry> _closures;

    public SchoolCalendar(string id, CalendarEntry coverage, IReadOnlyList<CalendarEntry> terms, IReadOnlyList<CalendarEntry> holidays, IReadOnlyList<CalendarEntry> makeupDays, IReadOnlyList<CalendarEntry> examDays)
    {
        Id = id;
        Coverage = coverage;
        _terms = terms;
        Holidays = holidays;
        MakeupDays = makeupDays;
        ExamDays = examDays;
        _closures = holidays;
        _makeupDays = [.. makeupDays.Select(m => m.From)];
    }

    public string Id { get; }

    public CalendarEntry Coverage { get; }

    public IReadOnlyList<CalendarEntry> Terms => _terms;

    public IReadOnlyList<CalendarEntry> Holidays { get; }

    public IReadOnlyList<CalendarEntry> MakeupDays { get; }

    /// <summary>Exam days are school days; listed so a pack can leave them out of probe windows later.</summary>
    public IReadOnlyList<CalendarEntry> ExamDays { get; }

    /// <summary>True or false for a day the calendar covers; null for a day outside it.</summary>
    public bool? IsSchoolDay(DateOnly date)
    {
        if (!Coverage.Contains(date))
        {
            return null;
        }

        if (!InAny(_terms, date) || InAny(_closures, date))
        {
            return false;
        }

        return _makeupDays.Contains(date) || date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The last <paramref name="count"/> school days up to and including <paramref name="end"/>, oldest first; null when the
    /// search runs out of the calendar's coverage before finding them.
    /// </summary>
    public IReadOnlyList<DateOnly>? LastSchoolDays(DateOnly end, int count)
    {
        var days = new List<DateOnly>(count);
        for (var day = end; days.Count < count; day = day.AddDays(-1))
        {
            switch (IsSchoolDay(day))
            {
                case null:
                    return null;
                case true:
                    days.Add(day);
                    break;
            }
        }

        days.Reverse();
        return days;
    }

    private static bool InAny(IReadOnlyList<CalendarEntry> entries, DateOnly date)
    {
        foreach (var entry in entries)
        {
            if (entry.Contains(date))
            {
                return true;
            }
        }

        return false;
    }
}
