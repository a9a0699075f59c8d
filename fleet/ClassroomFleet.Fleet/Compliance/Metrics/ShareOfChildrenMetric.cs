using System.Globalization;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// <c>share_of_children@1</c>: a county share of sites passing a site rule, as an interval over the UNKNOWN sites
/// (POLICY-TARGETS §5.4): lower = p/n (every UNKNOWN fails), upper = (p+u)/n (every UNKNOWN passes); n = p+f+u, N/A,
/// not-yet-due and exempt sites excluded. The verdict is PASS only if the lower bound passes, FAIL only if the upper fails.
/// The child rule must be a site rule of the same (layered) pack; that is checked when the packs are loaded.
/// </summary>
public sealed class ShareOfChildrenMetric : IMetric
{
    private static readonly IReadOnlyList<ParameterSpec> Specs = [ParameterSpec.Text("child_rule")];

    public string Name => "share_of_children";

    public int Version => 1;

    public MetricEntity Entity => MetricEntity.County;

    public IReadOnlyList<ParameterSpec> Parameters => Specs;

    public string UnitFor(ParameterValues parameters) => Units.Percent;

    public bool UsesTelemetry(ParameterValues parameters) => false;

    public IEnumerable<string> ReferencedRules(ParameterValues parameters) => [parameters.Text("child_rule")];

    public MetricOutcome Evaluate(MetricContext context, ParameterValues parameters)
    {
        var child = parameters.Text("child_rule");
        var method = $"share of sites passing {child}";
        if (context.Children?.Counts(child) is not { } counts)
        {
            return MetricOutcome.Unknown(Reason.ChildRuleNotEvaluated(child), method, []);
        }

        var n = counts.Pass + counts.Fail + counts.Unknown;
        object name = context.Children.Title(child) is { } title ? (object)title : child;
        var inputs = new List<EvidenceInput>
        {
            new(Phrase.Of("input.sites_in_scope"), Phrase.Plain(n.ToString(CultureInfo.InvariantCulture)), Phrase.Of("source.child_rule", name)),
            new(Phrase.Of("input.child_states"), Phrase.Of("value.child_states", counts.Pass, counts.Fail, counts.Unknown), Phrase.Of("source.child_rule", name)),
        };
        if (n == 0)
        {
            return MetricOutcome.NotApplicable(Reason.Of("NO_SITES_IN_SCOPE"), method, inputs);
        }

        return new MetricOutcome
        {
            Kind = OutcomeKind.Value,
            Value = new ExactRatio(counts.Pass * 100m, n),
            Upper = new ExactRatio((counts.Pass + counts.Unknown) * 100m, n),
            Method = method,
            Inputs = inputs,
            Detail = Phrase.Of("detail.share", counts.Pass, counts.Unknown, n),
        };
    }
}
