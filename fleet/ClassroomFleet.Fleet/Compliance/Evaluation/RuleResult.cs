using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Metrics;
using ClassroomFleet.Fleet.Compliance.Packs;

namespace ClassroomFleet.Fleet.Compliance.Evaluation;

/// <summary>
/// The verdict of one rule for one site (or the county), with everything needed to reproduce and audit it: value,
/// threshold, unit, method, window, samples, inputs with sources and dates, reason, and the version and hash of the pack
/// that defines the rule (and of the county pack that layered it, when one did).
/// </summary>
public sealed record RuleResult
{
    public required string County { get; init; }

    /// <summary>The site id, or the county code for a county rule.</summary>
    public required string Site { get; init; }

    public required string SiteName { get; init; }

    public required Rule Rule { get; init; }

    /// <summary>The pack that defines the rule: its id, version and hash are recorded with the result.</summary>
    public required RulePack Pack { get; init; }

    /// <summary>The pack the rule was evaluated through when that is not <see cref="Pack"/> (a county pack extending it).</summary>
    public RulePack? AppliedBy { get; init; }

    public required ComplianceState State { get; init; }

    /// <summary>For NOT_YET_DUE and EXEMPT: what the verdict would be without the deadline or the waiver.</summary>
    public ComplianceState? Underlying { get; init; }

    public ExactRatio? Value { get; init; }

    public ExactRatio? Upper { get; init; }

    /// <summary>The numbers behind the value, for the report ("300 Mbit/s ÷ 30 个班").</summary>
    public Phrase? Detail { get; init; }

    public Reason? Reason { get; init; }

    /// <summary>Metric id and how the value was computed (English, for machine outputs).</summary>
    public required string Method { get; init; }

    /// <summary>The window in machine form, for example <c>2025-10-24..2025-11-20 (20 school days, 08:00-12:00)</c>.</summary>
    public string? Window { get; init; }

    /// <summary>The school days and hours of the window, or null when the rule has none or the calendar does not cover it.</summary>
    public EvaluationWindow? WindowDays { get; init; }

    public int? SamplesUsed { get; init; }

    public int? SamplesRequired { get; init; }

    public IReadOnlyList<EvidenceInput> Inputs { get; init; } = [];

    public IReadOnlyList<Phrase> DataQuality { get; init; } = [];

    public Exemption? Exemption { get; init; }

    public required DateTimeOffset At { get; init; }

    public string ValueText => Value is not { } v ? "" : Upper is { } u && u != v ? $"{v.Display()}–{u.Display()}" : v.Display();
}
