namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>Site results a county aggregate reads: counts of PASS, FAIL and UNKNOWN sites of one rule.</summary>
public interface IChildResults
{
    /// <summary>Counts for a rule id; null when no such rule was evaluated.</summary>
    (int Pass, int Fail, int Unknown)? Counts(string ruleId);

    /// <summary>The title of a rule evaluated, for the report; null when no such rule was evaluated.</summary>
    Packs.LocalizedText? Title(string ruleId);
}
