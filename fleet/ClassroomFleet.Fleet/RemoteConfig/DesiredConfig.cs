using System.Text.Json.Serialization;

using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>The latest desired document of a school as the API shows it.</summary>
public sealed record DesiredConfig(
    [property: JsonPropertyName("county")] string County,
    [property: JsonPropertyName("school")] string School,
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("school_file")] string SchoolFile,
    [property: JsonPropertyName("issued_by")] string IssuedBy,
    [property: JsonPropertyName("issued_at")] DateTimeOffset IssuedAt,
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt,
    [property: JsonPropertyName("rollout_id")] string? RolloutId)
{
    /// <summary>The agent settings the document carries besides the school file (broker address); null: none.</summary>
    [JsonPropertyName("agent")]
    public ConfigAgentSettings? Agent { get; init; }
}
