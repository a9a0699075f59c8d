using ClassroomFleet.Fleet.Compliance.Calendar;

namespace ClassroomFleet.Fleet.Tests.Compliance;

/// <summary>School days of the shipped Henan calendar (2025-2026 and 2026-2027 joined): holidays, 调休 make-up days, weekends, vacations.</summary>
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
    [InlineData("2026-09-01", true)]   // first day of the 2026-2027 calendar
    [InlineData("2026-09-20", true)]   // Sunday, 国庆 make-up working day (2026 notice)
    [InlineData("2026-09-25", false)]  // 中秋节
    [InlineData("2026-10-07", false)]  // 国庆节
    [InlineData("2026-10-10", true)]   // Saturday, 国庆 make-up working day
    [InlineData("2026-12-02", true)]   // an audit "now"
    [InlineData("2027-04-05", false)]  // 清明节 (provisional)
    [InlineData("2027-06-09", false)]  // 端午节 (provisional)
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

    [Fact]
    public void The_2026_2027_year_is_joined_to_2025_2026_and_marks_its_provisional_holidays()
    {
        Assert.Equal(["2025-2026学年", "2026-2027学年"], Calendar.Coverage.Select(c => c.Name));
        Assert.Null(Calendar.IsSchoolDay(new DateOnly(2027, 9, 1)));
        Assert.Contains(Calendar.Unverified, e => e.Name == "春节（暂定）" && e.From == new DateOnly(2027, 2, 5));
        Assert.DoesNotContain(Calendar.Unverified, e => e.Name == "国庆节" && e.From.Year == 2026);
    }

    [Fact]
    public void Two_files_of_one_calendar_that_overlap_are_refused()
    {
        var year = File.ReadAllText(ComplianceTestData.CalendarFile);
        var overlapping = year.Replace("to: 2026-08-31, verified: false }", "to: 2026-09-30, verified: false }", StringComparison.Ordinal);
        var next = CalendarLoader.LoadFile(Path.Combine(ComplianceTestData.CalendarsDirectory, "cn-henan-2026-2027.yaml"));
        var error = Assert.Throws<CalendarLoadException>(() => new CalendarStore([CalendarLoader.Parse(overlapping, "a.yaml"), next]));
        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_may_leave_out_the_exam_days()
    {
        var yaml = File.ReadAllText(ComplianceTestData.CalendarFile)
            .Replace("exam_days: []", "exam_days: [ { name: 期中考试, from: 2025-11-12, to: 2025-11-13, verified: true, source: 县校历 } ]", StringComparison.Ordinal);
        var calendar = CalendarLoader.Parse(yaml, "exams.yaml");
        var with = calendar.LastSchoolDays(new DateOnly(2025, 11, 14), 5)!;
        var without = calendar.LastSchoolDays(new DateOnly(2025, 11, 14), 5, skipExamDays: true)!;
        Assert.Equal(new DateOnly(2025, 11, 10), with[0]);
        Assert.Equal(new DateOnly(2025, 11, 6), without[0]);
        Assert.DoesNotContain(new DateOnly(2025, 11, 12), without);
    }
}
