namespace ClassroomFleet.Fleet.Compliance.Calendar;

/// <summary>
/// School days of one or more consecutive school years (one file per year, same id): a day is a school day when it lies
/// in a term and is either a weekday that is not a holiday, or a make-up working day (调休上班) on a weekend. Days outside
/// every year's <see cref="Coverage"/> are not known at all. Exam days are school days; a rule may leave them out of its
/// probe window.
/// </summary>
public sealed class SchoolCalendar
{
    private readonly HashSet<DateOnly> _makeupDays;
    private readonly IReadOnlyList<CalendarEntry> _terms;
    private readonly IReadOnlyList<CalendarEntry> _closures;

    public SchoolCalendar(string id, CalendarEntry coverage, IReadOnlyList<CalendarEntry> terms, IReadOnlyList<CalendarEntry> holidays, IReadOnlyList<CalendarEntry> makeupDays, IReadOnlyList<CalendarEntry> examDays, string? title = null)
        : this(id, [coverage], terms, holidays, makeupDays, examDays, title is null ? [] : [title])
    {
    }

    private SchoolCalendar(string id, IReadOnlyList<CalendarEntry> coverage, IReadOnlyList<CalendarEntry> terms, IReadOnlyList<CalendarEntry> holidays, IReadOnlyList<CalendarEntry> makeupDays, IReadOnlyList<CalendarEntry> examDays, IReadOnlyList<string> titles)
    {
        Id = id;
        Coverage = [.. coverage.OrderBy(c => c.From)];
        _terms = terms;
        Holidays = holidays;
        MakeupDays = makeupDays;
        ExamDays = examDays;
        Titles = titles;
        _closures = holidays;
        _makeupDays = [.. makeupDays.Select(m => m.From)];
    }

    public string Id { get; }

    /// <summary>The school years covered, oldest first.</summary>
    public IReadOnlyList<CalendarEntry> Coverage { get; }

    public IReadOnlyList<string> Titles { get; }

    public IReadOnlyList<CalendarEntry> Terms => _terms;

    public IReadOnlyList<CalendarEntry> Holidays { get; }

    public IReadOnlyList<CalendarEntry> MakeupDays { get; }

    public IReadOnlyList<CalendarEntry> ExamDays { get; }

    /// <summary>Entries not checked against their source (term dates a county must confirm, next year's provisional holidays).</summary>
    public IEnumerable<CalendarEntry> Unverified => _terms.Concat(Holidays).Concat(MakeupDays).Concat(ExamDays).Where(e => !e.Verified);

    /// <summary>
    /// The school years of one calendar id joined into one calendar, so that a window reaching back over the summer
    /// finds the previous year's days. Overlapping years are an error.
    /// </summary>
    /// <exception cref="CalendarLoadException">Two years overlap or the ids differ.</exception>
    public static SchoolCalendar Join(IReadOnlyList<SchoolCalendar> years)
    {
        if (years.Count == 1)
        {
            return years[0];
        }

        var id = years[0].Id;
        if (years.Any(y => y.Id != id))
        {
            throw new CalendarLoadException($"cannot join calendars with different ids: {string.Join(", ", years.Select(y => y.Id).Distinct())}");
        }

        var coverage = years.SelectMany(y => y.Coverage).OrderBy(c => c.From).ToList();
        for (var i = 1; i < coverage.Count; i++)
        {
            if (coverage[i].From <= coverage[i - 1].To)
            {
                throw new CalendarLoadException($"calendar {id}: {coverage[i - 1].Name} and {coverage[i].Name} overlap ({coverage[i].From:yyyy-MM-dd} <= {coverage[i - 1].To:yyyy-MM-dd})");
            }
        }

        return new SchoolCalendar(
            id,
            coverage,
            [.. years.SelectMany(y => y.Terms)],
            [.. years.SelectMany(y => y.Holidays)],
            [.. years.SelectMany(y => y.MakeupDays)],
            [.. years.SelectMany(y => y.ExamDays)],
            [.. years.SelectMany(y => y.Titles)]);
    }

    /// <summary>True or false for a day the calendar covers; null for a day outside it.</summary>
    public bool? IsSchoolDay(DateOnly date)
    {
        if (!InAny(Coverage, date))
        {
            return null;
        }

        if (!InAny(_terms, date) || InAny(_closures, date))
        {
            return false;
        }

        return _makeupDays.Contains(date) || date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    public bool IsExamDay(DateOnly date) => InAny(ExamDays, date);

    /// <summary>
    /// The last <paramref name="count"/> school days up to and including <paramref name="end"/>, oldest first, leaving out
    /// exam days when asked; null when the search runs out of the calendar's coverage before finding them.
    /// </summary>
    public IReadOnlyList<DateOnly>? LastSchoolDays(DateOnly end, int count, bool skipExamDays = false)
    {
        var days = new List<DateOnly>(count);
        for (var day = end; days.Count < count; day = day.AddDays(-1))
        {
            switch (IsSchoolDay(day))
            {
                case null:
                    return null;
                case true when !(skipExamDays && IsExamDay(day)):
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
