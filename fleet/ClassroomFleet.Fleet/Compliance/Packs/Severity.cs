namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>How much a failed rule matters.</summary>
public enum Severity
{
    Info,
    Minor,
    Major,
    Critical,
}
