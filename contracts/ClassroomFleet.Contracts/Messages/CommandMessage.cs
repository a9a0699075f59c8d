using System.Text.Json.Serialization;

namespace ClassroomFleet.Contracts.Messages;

/// <summary>
/// The payload of <c>cf/v1/{county}/{school}/command/{id}</c>: one operation for the agent to carry out once, before
/// <see cref="ExpiresAt"/>. The agent answers on <c>…/command/{id}/result</c> with a <see cref="CommandResult"/>.
/// </summary>
public sealed record CommandMessage
{
    [JsonPropertyName("schema")]
    public int Schema { get; init; } = SchemaVersions.Current;

    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>One of <see cref="CommandTypes"/>.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>The device the command is about (re-poll, PJLink power, power-cycle); null for school-wide commands.</summary>
    [JsonPropertyName("device")]
    public string? Device { get; init; }

    /// <summary>Type-specific arguments, e.g. <c>{"force":"true"}</c> or <c>{"version":"12"}</c>.</summary>
    [JsonPropertyName("args")]
    public IReadOnlyDictionary<string, string>? Args { get; init; }

    [JsonPropertyName("issued_by")]
    public string? IssuedBy { get; init; }

    [JsonPropertyName("issued_at")]
    public DateTimeOffset IssuedAt { get; init; }

    [JsonPropertyName("expires_at")]
    public required DateTimeOffset ExpiresAt { get; init; }
}
