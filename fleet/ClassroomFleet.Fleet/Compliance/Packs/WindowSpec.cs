using ClassroomFleet.Fleet.Compliance.Calendar;

namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>The last N school days (optionally without the calendar's exam days) and the school hours within them.</summary>
public sealed record WindowSpec(int SchoolDays, IReadOnlyList<HourRange> Hours, bool SkipExamDays = false)
{
    public static readonly WindowSpec Default = new(20, []);

    public override string ToString() => $"last {SchoolDays} school days{(SkipExamDays ? " without exam days" : "")}{(Hours.Count > 0 ? " " + string.Join(",", Hours) : "")}";
}
