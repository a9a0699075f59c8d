using ClassroomFleet.Fleet.Compliance.Calendar;

namespace ClassroomFleet.Fleet.Tests.Compliance;

/// <summary>School days of the shipped 2025-2026 calendar: holidays, 调休 make-up days, weekends, vacations.</summary>
public sealed class CalendarTests
{
    private static readonly SchoolCalendar Calendar = ComplianceTestData.Calendar;

    [Theory]
    [InlineData("2025-09-28", true)]   // Sunday, 国庆 make-up working day
    [InlineData("2025-10-11", true)]   // Saturday, 国庆 make-up working day
    [InlineData("2025-10-01", false)]  // 国庆节
    [InlineData("2025-10-08", false)]  // last day of the 8-day 国庆/中秋 break
    [InlineData("2025-10-09", true)]
    [InlineData("2025-11-15", false)]  // ordinary Saturday
    [InlineData("2026-01-04", true)]   // Sunday, 元旦 make-up day
    [InlineData("2026-01-02", false)]  // 元旦
    [InlineData("2026-02-14", false)]  // 调休 Saturday, but in the winter vacation
    [InlineData("2026-05-09", true)]   // Saturday, 劳动节 make-up day
    [InlineData("2026-06-19", false)]  // 端午节
    [InlineData("2026-08-10", false)]  // summer vacation
    public void Knows_school_days(string date, bool expected) =>
        Assert.Equal(expected, Calendar.IsSchoolDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Days_outside_the_school_year_are_unknown_not_holidays()
    {
        Assert.Null(Calendar.IsSchoolDay(new DateOnly(2024, 11, 20)));
        Assert.Null(Calendar.LastSchoolDays(new DateOnly(2025, 9, 5), 20));
    }

    [Fact]
    public void Last_school_days_skip_the_national_day_break_and_include_make_up_days()
    {
        var days = Calendar.LastSchoolDays(new DateOnly(2025, 10, 14), 5)!;
        Assert.Equal(["2025-10-09", "2025-10-10", "2025-10-11", "2025-10-13", "2025-10-14"], days.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_make_up_day_that_is_not_a_weekend_is_rejected()
    {
        var yaml = File.ReadAllText(ComplianceTestData.CalendarFile).Replace("date: 2025-09-28", "date: 2025-09-29", StringComparison.Ordinal);
        var error = Assert.Throws<CalendarLoadException>(() => CalendarLoader.Parse(yaml, "bad.yaml"));
        Assert.Contains("2025-09-29: a make-up working day is a single Saturday or Sunday", error.Message, StringComparison.Ordinal);
    }
}
