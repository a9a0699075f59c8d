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

    /// <summary>How the value was computed, in English, for the machine outputs (JSON, InfluxDB-adjacent tools).</summary>
    public required string Method { get; init; }

    /// <summary>The numbers behind the value as an auditor reads them, for example "300 Mbit/s ÷ 30 个班" or "99 台 / 100 人".</summary>
    public Phrase? Detail { get; init; }

    public int? SamplesUsed { get; init; }

    public int? SamplesRequired { get; init; }

    public IReadOnlyList<EvidenceInput> Inputs { get; init; } = [];

    /// <summary>Contradictions worth a separate data-quality item (POLICY-TARGETS §6.8).</summary>
    public IReadOnlyList<Phrase> DataQuality { get; init; } = [];

    public static MetricOutcome Of(ExactRatio value, string method, IReadOnlyList<EvidenceInput> inputs, Phrase? detail = null) =>
        new() { Kind = OutcomeKind.Value, Value = value, Method = method, Inputs = inputs, Detail = detail };

    public static MetricOutcome Unknown(Reason reason, string method, IReadOnlyList<EvidenceInput> inputs) =>
        new() { Kind = OutcomeKind.Unknown, Reason = reason, Method = method, Inputs = inputs };

    public static MetricOutcome NotApplicable(Reason reason, string method, IReadOnlyList<EvidenceInput>? inputs = null) =>
        new() { Kind = OutcomeKind.NotApplicable, Reason = reason, Method = method, Inputs = inputs ?? [] };
}
