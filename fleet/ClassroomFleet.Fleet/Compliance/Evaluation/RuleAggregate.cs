using ClassroomFleet.Fleet.Compliance.Metrics;
using ClassroomFleet.Fleet.Compliance.Packs;

namespace ClassroomFleet.Fleet.Compliance.Evaluation;

/// <summary>
/// County counts of one site rule and the bounded pass rate (POLICY-TARGETS §5.4): n = PASS + FAIL + UNKNOWN (N/A, not yet
/// due and exempt excluded); the rate lies between PASS/n (every UNKNOWN fails) and (PASS+UNKNOWN)/n (every UNKNOWN passes).
/// </summary>
public sealed record RuleAggregate(Rule Rule, RulePack Pack, int Pass, int Fail, int Unknown, int NotApplicable, int NotYetDue, int Exempt)
{
    public int InScope => Pass + Fail + Unknown;

    public ExactRatio? Lower => InScope == 0 ? null : new ExactRatio(Pass * 100m, InScope);

    public ExactRatio? Upper => InScope == 0 ? null : new ExactRatio((Pass + Unknown) * 100m, InScope);

    public string BoundsText => InScope == 0 ? "—" : Unknown == 0 ? $"{Lower!.Value.Display(1)}%" : $"{Lower!.Value.Display(1)}%–{Upper!.Value.Display(1)}%";
}
