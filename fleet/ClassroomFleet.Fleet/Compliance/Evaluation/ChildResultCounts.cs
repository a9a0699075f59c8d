using ClassroomFleet.Fleet.Compliance.Metrics;

namespace ClassroomFleet.Fleet.Compliance.Evaluation;

/// <summary>PASS/FAIL/UNKNOWN counts of site results by rule, for county aggregates.</summary>
public sealed class ChildResultCounts : IChildResults
{
    private readonly Dictionary<string, (int Pass, int Fail, int Unknown)> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Packs.LocalizedText> _titles = new(StringComparer.Ordinal);

    public void Add(RuleResult result)
    {
        var c = _counts.GetValueOrDefault(result.Rule.Id);
        _titles[result.Rule.Id] = result.Rule.Title;
        _counts[result.Rule.Id] = result.State switch
        {
            ComplianceState.Pass => (c.Pass + 1, c.Fail, c.Unknown),
            ComplianceState.Fail => (c.Pass, c.Fail + 1, c.Unknown),
            ComplianceState.Unknown => (c.Pass, c.Fail, c.Unknown + 1),
            _ => c,
        };
    }

    public (int Pass, int Fail, int Unknown)? Counts(string ruleId) => _counts.TryGetValue(ruleId, out var c) ? c : null;

    public Packs.LocalizedText? Title(string ruleId) => _titles.GetValueOrDefault(ruleId);
}
