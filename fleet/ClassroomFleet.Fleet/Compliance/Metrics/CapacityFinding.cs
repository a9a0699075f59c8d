namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// The capacity of a site's uplink on the pack's basis, or why it cannot be known; <paramref name="Detail"/> shows how the
/// figure was reached (contract, measured median, tolerance).
/// </summary>
public sealed record CapacityFinding(decimal? Mbps, Reason? Unknown, int? Samples, int SamplesRequired, IReadOnlyList<EvidenceInput> Inputs, IReadOnlyList<Phrase> DataQuality, string Method, Phrase? Detail = null);
