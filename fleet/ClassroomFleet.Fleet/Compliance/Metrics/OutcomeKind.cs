namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>A metric produced a value (or a bounded interval), could not, or does not apply.</summary>
public enum OutcomeKind
{
    Value,
    Unknown,
    NotApplicable,
}
