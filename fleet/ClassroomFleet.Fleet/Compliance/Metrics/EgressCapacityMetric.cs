using ClassroomFleet.Fleet.Compliance.Inputs;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary><c>egress_capacity@1</c>: a site's uplink capacity in Mbit/s (the 教学点 rule is per site, not per class).</summary>
public sealed class EgressCapacityMetric : IMetric
{
    public string Name => "egress_capacity";

    public int Version => 1;

    public MetricEntity Entity => MetricEntity.Site;

    public IReadOnlyList<ParameterSpec> Parameters => CapacityParameters.Specs;

    public string UnitFor(ParameterValues parameters) => Units.MegabitPerSecond;

    public bool UsesTelemetry(ParameterValues parameters) => parameters.Choice("capacity_basis") != "contracted";

    public MetricOutcome Evaluate(MetricContext context, ParameterValues parameters)
    {
        var site = context.RequiredSite;
        if (site.Kind == SiteKind.TeachingPoint && site.SharedUplink)
        {
            return MetricOutcome.NotApplicable(Reason.SharedUplink(site.ParentSchool), "judged with the parent school's uplink");
        }

        var capacity = CapacityCalculator.Compute(context, site, parameters);
        return capacity.Mbps is { } mbps
            ? MetricOutcome.Of(ExactRatio.Of(mbps), capacity.Method, capacity.Inputs, capacity.Detail) with { SamplesUsed = capacity.Samples, SamplesRequired = capacity.SamplesRequired, DataQuality = capacity.DataQuality }
            : MetricOutcome.Unknown(capacity.Unknown!, capacity.Method, capacity.Inputs) with { SamplesUsed = capacity.Samples, SamplesRequired = capacity.SamplesRequired };
    }
}
