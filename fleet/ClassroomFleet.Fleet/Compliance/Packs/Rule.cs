using ClassroomFleet.Fleet.Compliance.Metrics;

namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>A validated rule: provenance, scope, metric with typed parameters, threshold, window and deadline.</summary>
public sealed record Rule
{
    public required string Id { get; init; }

    public required string PackId { get; init; }

    public required LocalizedText Title { get; init; }

    public required RuleSource Source { get; init; }

    public required RuleScope Scope { get; init; }

    public required IMetric Metric { get; init; }

    public required ParameterValues Parameters { get; init; }

    public required Comparison Compare { get; init; }

    public WindowSpec? Window { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    public LocalizedText? Reading { get; init; }

    public required Severity Severity { get; init; }

    public LocalizedText? Remediation { get; init; }

    public IReadOnlyList<string> Evidence { get; init; } = [];

    public OverrideNote? Override { get; init; }
}
