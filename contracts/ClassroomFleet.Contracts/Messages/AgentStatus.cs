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

    /// <summary>Batches in the agent's outbox waiting for the fleet's acknowledgement.</summary>
    [JsonPropertyName("outbox_depth")]
    public long? OutboxDepth { get; init; }

    [JsonPropertyName("outbox_bytes")]
    public long? OutboxBytes { get; init; }

    /// <summary>Age in seconds of the oldest unacknowledged batch: how far behind the fleet's data is.</summary>
    [JsonPropertyName("outbox_oldest_age_s")]
    public double? OutboxOldestAgeSeconds { get; init; }

    /// <summary>Batches dropped since the agent started, by reason (overflow, expired, disk_full, read_only, io_error, corrupt, rejected).</summary>
    [JsonPropertyName("outbox_dropped")]
    public IReadOnlyDictionary<string, long>? OutboxDropped { get; init; }

    /// <summary>When each device kind last polled successfully.</summary>
    [JsonPropertyName("last_poll")]
    public IReadOnlyDictionary<string, DateTimeOffset>? LastPoll { get; init; }
}
