namespace ClassroomFleet.Fleet.Compliance;

/// <summary>The periodic evaluation of every known county (section <c>Compliance:Schedule</c>); off unless enabled.</summary>
public sealed class ComplianceScheduleOptions
{
    public const string SectionName = "Compliance:Schedule";

    public bool Enabled { get; set; }

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
