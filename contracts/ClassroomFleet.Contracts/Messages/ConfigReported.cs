using System.Text.Json.Serialization;

namespace ClassroomFleet.Contracts.Messages;

/// <summary>
/// The retained payload of <c>cf/v1/{county}/{school}/config/reported</c>: the version in force on the agent and what
/// became of the last document it received (<see cref="ConfigStatus"/>), with the reason when it was refused or undone.
/// </summary>
public sealed record ConfigReported
{
    [JsonPropertyName("schema")]
    public int Schema { get; init; } = SchemaVersions.Current;

    [JsonPropertyName("agent")]
    public required string Agent { get; init; }

    [JsonPropertyName("county")]
    public required string County { get; init; }

    [JsonPropertyName("school")]
    public required string School { get; init; }

    /// <summary>The pushed version in force (0: the local school file, never replaced by a push).</summary>
    [JsonPropertyName("version")]
    public required long Version { get; init; }

    /// <summary>The version the status is about (equal to <see cref="Version"/> unless it was refused or rolled back).</summary>
    [JsonPropertyName("attempted_version")]
    public required long AttemptedVersion { get; init; }

    /// <summary>One of <see cref="ConfigStatus"/>.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>SHA-256 (hex) of the school file in force.</summary>
    [JsonPropertyName("sha256")]
    public string? Sha256 { get; init; }

    /// <summary>
    /// The text of the school file in force (its SHA-256 is <see cref="Sha256"/>): what the fleet offers as the starting
    /// point of a school's first push, before any desired document exists. Null from agents that do not send it.
    /// </summary>
    [JsonPropertyName("school_file")]
    public string? SchoolFile { get; init; }

    [JsonPropertyName("time")]
    public DateTimeOffset Time { get; init; }
}
