using System.Text.Json.Serialization;

namespace ClassroomFleet.Fleet.Ingest;

/// <summary>Source-generated JSON for the fleet's own files (quarantine log).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(QuarantineEntry))]
public sealed partial class FleetJsonContext : JsonSerializerContext;
