namespace ClassroomFleet.Simulators.County;

/// <summary>Weekdays in China time before a given instant, newest first. Holidays are left to the audit's calendar.</summary>
public static class SchoolDays
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static IEnumerable<DateOnly> Before(DateTimeOffset until, int count)
    {
        var day = DateOnly.FromDateTime(until.ToOffset(ChinaOffset).DateTime).AddDays(-1);
        for (var found = 0; found < count; day = day.AddDays(-1))
        {
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                found++;
                yield return day;
            }
        }
    }

    public static DateTimeOffset At(DateOnly day, int hour, int minute) => new(day.ToDateTime(new TimeOnly(hour, minute)), ChinaOffset);
}
