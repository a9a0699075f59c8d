using System.Text.Json.Serialization;

namespace ClassroomFleet.Contracts.Messages;

/// <summary>
/// The signed wrapper of a <see cref="ConfigDocument"/>: <c>payload</c> is base64 of the document's UTF-8 JSON and
/// <c>signature</c> base64 of the ECDSA P-256 / SHA-256 signature (IEEE P1363, r‖s) over exactly those bytes.
/// </summary>
public sealed record ConfigEnvelope
{
    [JsonPropertyName("schema")]
    public int Schema { get; init; } = SchemaVersions.Current;

    [JsonPropertyName("payload")]
    public required string Payload { get; init; }

    [JsonPropertyName("signature")]
    public string? Signature { get; init; }

    /// <summary>Which fleet key signed it (SHA-256 of the public key, hex, first 16 chars), to help key rotation.</summary>
    [JsonPropertyName("key_id")]
    public string? KeyId { get; init; }
}
