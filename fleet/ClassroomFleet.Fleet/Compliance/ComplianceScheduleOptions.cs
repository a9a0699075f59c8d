namespace ClassroomFleet.Fleet.Compliance;

/// <summary>
/// The periodic evaluation of every known county (section <c>Compliance:Schedule</c>), on by default: every
/// <see cref="Interval"/> it evaluates now and re-evaluates the end of each of the last <see cref="RecheckDays"/> days,
/// so that telemetry spooled by an agent during an outage corrects the verdicts of the windows it belongs to.
/// </summary>
public sealed class ComplianceScheduleOptions
{
    public const string SectionName = "Compliance:Schedule";

    public bool Enabled { get; set; } = true;

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Closed days re-evaluated on every run (their 23:59:59 Asia/Shanghai instant); 0 evaluates now only.</summary>
    public int RecheckDays { get; set; } = 7;

    /// <summary>Wait after start before the first run, so that a restarted fleet first catches up with the spooled telemetry.</summary>
    public TimeSpan FirstRunDelay { get; set; } = TimeSpan.FromMinutes(1);
}
