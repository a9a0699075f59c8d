using System.Text.Json.Serialization;

namespace ClassroomFleet.Contracts.Messages;

/// <summary>
/// The payload of <c>cf/v1/{county}/{school}/command/{id}/result</c>. The agent sends <c>delivered</c> when it takes the
/// command, then one final state (<see cref="CommandState"/>).
/// </summary>
public sealed record CommandResult
{
    [JsonPropertyName("schema")]
    public int Schema { get; init; } = SchemaVersions.Current;

    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("agent")]
    public required string Agent { get; init; }

    [JsonPropertyName("state")]
    public required string State { get; init; }

    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>What the handler has to say (e.g. the measured bandwidth), as text.</summary>
    [JsonPropertyName("output")]
    public IReadOnlyDictionary<string, string>? Output { get; init; }

    [JsonPropertyName("time")]
    public DateTimeOffset Time { get; init; }
}
