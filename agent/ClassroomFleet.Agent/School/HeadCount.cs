namespace ClassroomFleet.Agent.School;

/// <summary>A number the statistics ask for (classes, teachers, students) with the date it was counted on.</summary>
public sealed class HeadCount
{
    public int Count { get; set; } = -1;

    /// <summary>The date of the count, ISO 8601 (<c>2026-09-01</c>).</summary>
    public string AsOf { get; set; } = "";
}
