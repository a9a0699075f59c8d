using System.Text.Json.Serialization;

namespace ClassroomFleet.Fleet.Audit;

/// <summary>The result of walking the hash chain: intact, or the first entry whose hash or link does not match.</summary>
public sealed record AuditVerification(
    [property: JsonPropertyName("intact")] bool Intact,
    [property: JsonPropertyName("entries")] long Entries,
    [property: JsonPropertyName("first_bad_seq")] long? FirstBadSequence,
    [property: JsonPropertyName("problem")] string? Problem);
