using System.Text.Json.Serialization;

namespace ClassroomFleet.Fleet.Audit;

/// <summary>One line of the audit log: who did what, when, to which target, the versions before and after, and the result.</summary>
public sealed record AuditEntry
{
    [JsonPropertyName("seq")]
    public long Sequence { get; init; }

    [JsonPropertyName("time")]
    public required DateTimeOffset Time { get; init; }

    [JsonPropertyName("actor")]
    public required string Actor { get; init; }

    /// <summary>e.g. <c>config.push</c>, <c>rollout.create</c>, <c>rollout.halt</c>, <c>command.send</c>.</summary>
    [JsonPropertyName("action")]
    public required string Action { get; init; }

    /// <summary><c>{county}/{school}</c>, <c>{county}</c> or a rollout id.</summary>
    [JsonPropertyName("target")]
    public required string Target { get; init; }

    [JsonPropertyName("before_version")]
    public long? BeforeVersion { get; init; }

    [JsonPropertyName("after_version")]
    public long? AfterVersion { get; init; }

    /// <summary>e.g. <c>ok</c>, <c>conflict</c>, <c>forbidden</c>, <c>halted</c>.</summary>
    [JsonPropertyName("result")]
    public required string Result { get; init; }

    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    [JsonPropertyName("prev_hash")]
    public string PreviousHash { get; init; } = "";

    [JsonPropertyName("hash")]
    public string Hash { get; init; } = "";
}
