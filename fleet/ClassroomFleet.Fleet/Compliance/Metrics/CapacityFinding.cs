namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>The capacity of a site's uplink on the pack's basis, or why it cannot be known.</summary>
public sealed record CapacityFinding(decimal? Mbps, Reason? Unknown, int? Samples, int SamplesRequired, IReadOnlyList<EvidenceInput> Inputs, IReadOnlyList<string> DataQuality, string Method);
