namespace ClassroomFleet.Fleet.Compliance.Evaluation;

/// <summary>The verdict of one rule for one site or county. Missing data is <see cref="Unknown"/>, never <see cref="Pass"/>.</summary>
public enum ComplianceState
{
    Pass,
    Fail,
    Unknown,
    NotApplicable,
    NotYetDue,
    Exempt,
}

/// <summary>Wire names of the states (InfluxDB tag, CSV, JSON).</summary>
public static class ComplianceStateNames
{
    public static string Code(this ComplianceState state) => state switch
    {
        ComplianceState.Pass => "PASS",
        ComplianceState.Fail => "FAIL",
        ComplianceState.Unknown => "UNKNOWN",
        ComplianceState.NotApplicable => "NOT_APPLICABLE",
        ComplianceState.NotYetDue => "NOT_YET_DUE",
        _ => "EXEMPT",
    };
}
