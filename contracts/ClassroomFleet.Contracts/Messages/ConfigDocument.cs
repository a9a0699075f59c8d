using System.Text.Json.Serialization;

namespace ClassroomFleet.Contracts.Messages;

/// <summary>
/// The desired configuration of one school, as the fleet signs it. It travels base64-encoded inside a
/// <see cref="ConfigEnvelope"/> on the retained topic <c>cf/v1/{county}/{school}/config/desired</c>, so that the agent
/// verifies exactly the bytes the fleet signed.
/// </summary>
public sealed record ConfigDocument
{
    [JsonPropertyName("schema")]
    public int Schema { get; init; } = SchemaVersions.Current;

    [JsonPropertyName("county")]
    public required string County { get; init; }

    [JsonPropertyName("school")]
    public required string School { get; init; }

    /// <summary>Monotonic per school; the agent refuses a version at or below the highest it has accepted.</summary>
    [JsonPropertyName("version")]
    public required long Version { get; init; }

    [JsonPropertyName("issued_at")]
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>After this instant the agent refuses the document (a push that sat in a queue too long is stale).</summary>
    [JsonPropertyName("expires_at")]
    public required DateTimeOffset ExpiresAt { get; init; }

    /// <summary>Who pushed it (token name), for the agent's log.</summary>
    [JsonPropertyName("issued_by")]
    public string? IssuedBy { get; init; }

    /// <summary>The school file (YAML), validated by the agent with the same validator as a local file.</summary>
    [JsonPropertyName("school_file")]
    public required string SchoolFile { get; init; }

    /// <summary>Settings of the agent itself (broker address); null keeps the agent's own.</summary>
    [JsonPropertyName("agent")]
    public ConfigAgentSettings? Agent { get; init; }

    /// <summary>How long the agent waits for the fleet's confirmation before it restores the previous file; null: agent default.</summary>
    [JsonPropertyName("confirm_timeout_s")]
    public int? ConfirmTimeoutSeconds { get; init; }
}
