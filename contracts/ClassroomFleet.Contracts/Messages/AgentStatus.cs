using System.Text.Json.Serialization;

namespace ClassroomFleet.Contracts.Messages;

/// <summary>
/// The retained payload of <c>cf/v1/{county}/{school}/status</c>. The agent publishes it as its birth message when it
/// connects and registers an <c>online: false</c> copy as its last will.
/// </summary>
public sealed record AgentStatus
{
    [JsonPropertyName("schema")]
    public int Schema { get; init; } = SchemaVersions.Current;

    [JsonPropertyName("agent")]
    public required string Agent { get; init; }

    [JsonPropertyName("online")]
    public required bool Online { get; init; }

    [JsonPropertyName("version")]
    public string? Version { get; init; }

    [JsonPropertyName("config_version")]
    public long? ConfigVersion { get; init; }

    [JsonPropertyName("time")]
    public DateTimeOffset Time { get; init; }
}
