namespace ClassroomFleet.Fleet.Compliance.Calendar;

/// <summary>
/// Asia/Shanghai wall time. China has observed no daylight saving time since 1991, so a fixed UTC+08:00 offset is exact
/// for every date the engine evaluates and does not depend on the host's time-zone database.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    public static TimeOnly TimeOf(DateTimeOffset instant) => TimeOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>23:59:59 on the day, the instant a deadline such as 「到2017年年底」 falls due (POLICY-TARGETS §6.9).</summary>
    public static DateTimeOffset EndOf(DateOnly date) => new(date.ToDateTime(new TimeOnly(23, 59, 59)), Offset);
}
