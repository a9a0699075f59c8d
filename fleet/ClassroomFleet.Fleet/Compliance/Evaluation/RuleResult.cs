using ClassroomFleet.Fleet.Compliance.Metrics;
using ClassroomFleet.Fleet.Compliance.Packs;

namespace ClassroomFleet.Fleet.Compliance.Evaluation;

/// <summary>
/// The verdict of one rule for one site (or the county), with everything needed to reproduce and audit it: value,
/// threshold, unit, method, window, samples, inputs with sources and dates, reason, pack version and hash.
/// </summary>
public sealed record RuleResult
{
    public required string County { get; init; }

    /// <summary>The site id, or the county code for a county rule.</summary>
    public required string Site { get; init; }

    public required string SiteName { get; init; }

    public required Rule Rule { get; init; }

    public required RulePack Pack { get; init; }

    public required ComplianceState State { get; init; }

    /// <summary>For NOT_YET_DUE and EXEMPT: what the verdict would be without the deadline or the waiver.</summary>
    public ComplianceState? Underlying { get; init; }

    public ExactRatio? Value { get; init; }

    public ExactRatio? Upper { get; init; }

    public Reason? Reason { get; init; }

    public required string Method { get; init; }

    public string? Window { get; init; }

    public int? SamplesUsed { get; init; }

    public int? SamplesRequired { get; init; }

    public IReadOnlyList<EvidenceInput> Inputs { get; init; } = [];

    public IReadOnlyList<string> DataQuality { get; init; } = [];

    public Exemption? Exemption { get; init; }

    public required DateTimeOffset At { get; init; }

    public string ValueText => Value is not { } v ? "" : Upper is { } u && u != v ? $"{v.Display()}–{u.Display()}" : v.Display();
}
