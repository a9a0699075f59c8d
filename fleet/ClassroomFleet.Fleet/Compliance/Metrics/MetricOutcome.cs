namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// What a metric found. A value is an exact ratio; an aggregate over UNKNOWN children is an interval
/// [<see cref="Value"/>, <see cref="Upper"/>] (POLICY-TARGETS §5.4). Missing data is <see cref="OutcomeKind.Unknown"/> with a reason.
/// </summary>
public sealed record MetricOutcome
{
    public required OutcomeKind Kind { get; init; }

    public ExactRatio? Value { get; init; }

    /// <summary>Upper bound of an interval; null for a point value.</summary>
    public ExactRatio? Upper { get; init; }

    public Reason? Reason { get; init; }

    public required string Method { get; init; }

    public int? SamplesUsed { get; init; }

    public int? SamplesRequired { get; init; }

    public IReadOnlyList<EvidenceInput> Inputs { get; init; } = [];

    /// <summary>Contradictions worth a separate data-quality item (POLICY-TARGETS §6.8).</summary>
    public IReadOnlyList<string> DataQuality { get; init; } = [];

    public static MetricOutcome Of(ExactRatio value, string method, IReadOnlyList<EvidenceInput> inputs) =>
        new() { Kind = OutcomeKind.Value, Value = value, Method = method, Inputs = inputs };

    public static MetricOutcome Unknown(Reason reason, string method, IReadOnlyList<EvidenceInput> inputs) =>
        new() { Kind = OutcomeKind.Unknown, Reason = reason, Method = method, Inputs = inputs };

    public static MetricOutcome NotApplicable(Reason reason, string method, IReadOnlyList<EvidenceInput>? inputs = null) =>
        new() { Kind = OutcomeKind.NotApplicable, Reason = reason, Method = method, Inputs = inputs ?? [] };
}
