using System.Globalization;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// <c>egress_capacity_per_class@1</c>: capacity ÷ 班级数 from the register (not rooms, not students). Teaching points that
/// share this site's uplink add their classes to the denominator (POLICY-TARGETS §6.3). Zero classes is NOT_APPLICABLE.
/// </summary>
public sealed class EgressCapacityPerClassMetric : IMetric
{
    private static readonly IReadOnlyList<ParameterSpec> Specs = [.. CapacityParameters.Specs, ParameterSpec.Flag("include_shared_teaching_points", true)];

    public string Name => "egress_capacity_per_class";

    public int Version => 1;

    public MetricEntity Entity => MetricEntity.Site;

    public IReadOnlyList<ParameterSpec> Parameters => Specs;

    public string UnitFor(ParameterValues parameters) => Units.MegabitPerSecond;

    public bool UsesTelemetry(ParameterValues parameters) => parameters.Choice("capacity_basis") != "contracted";

    public MetricOutcome Evaluate(MetricContext context, ParameterValues parameters)
    {
        var site = context.RequiredSite;
        var method = "capacity ÷ classes";
        if (RegistryCheck.Problem(site.Classes, "class", context) is { } problem)
        {
            return MetricOutcome.Unknown(problem, method, site.Classes is null ? [] : [RegistryCheck.Input("class", site.Classes)]);
        }

        var inputs = new List<EvidenceInput> { RegistryCheck.Input("class", site.Classes!) };
        var classes = site.Classes!.Value;
        if (parameters.Flag("include_shared_teaching_points") && context.SharedTeachingPoints.TryGetValue(site.Id, out var points))
        {
            foreach (var point in points)
            {
                if (RegistryCheck.Problem(point.Classes, "class", context) is { } pointProblem)
                {
                    return MetricOutcome.Unknown(pointProblem.At(point.Id), method, inputs);
                }

                classes += point.Classes!.Value;
                inputs.Add(new EvidenceInput(Phrase.Of("input.shared_point_classes", point.Id, point.Name), Phrase.Plain(point.Classes.Value.ToString(CultureInfo.InvariantCulture)), Phrase.Plain(point.Classes.Source), point.Classes.AsOf));
            }
        }

        if (classes == 0)
        {
            return MetricOutcome.NotApplicable(Reason.Of("NO_CLASSES"), method, inputs);
        }

        var capacity = CapacityCalculator.Compute(context, site, parameters);
        inputs.AddRange(capacity.Inputs);
        method = $"{capacity.Method} ÷ {classes.ToString(CultureInfo.InvariantCulture)} classes";
        return capacity.Mbps is { } mbps
            ? MetricOutcome.Of(new ExactRatio(mbps, classes), method, inputs, Phrase.Of("detail.per_class", capacity.Detail!, classes)) with { SamplesUsed = capacity.Samples, SamplesRequired = capacity.SamplesRequired, DataQuality = capacity.DataQuality }
            : MetricOutcome.Unknown(capacity.Unknown!, method, inputs) with { SamplesUsed = capacity.Samples, SamplesRequired = capacity.SamplesRequired };
    }
}
