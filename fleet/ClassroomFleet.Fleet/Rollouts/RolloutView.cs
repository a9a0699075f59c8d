using System.Text.Json.Serialization;

namespace ClassroomFleet.Fleet.Rollouts;

/// <summary>A rollout with the status of each school.</summary>
public sealed record RolloutView(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("county")] string County,
    [property: JsonPropertyName("created_by")] string CreatedBy,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("current_wave")] int CurrentWave,
    [property: JsonPropertyName("error_threshold")] double ErrorThreshold,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("schools")] IReadOnlyList<RolloutSchool> Schools);

/// <summary>One school's part in a rollout: waiting → pushed → applied → succeeded | failed | skipped.</summary>
public sealed record RolloutSchool(
    [property: JsonPropertyName("county")] string County,
    [property: JsonPropertyName("school")] string School,
    [property: JsonPropertyName("wave")] int Wave,
    [property: JsonPropertyName("version")] long? Version,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt);

/// <summary>States of a rollout and of its schools.</summary>
public static class RolloutStates
{
    public const string Running = "running";
    public const string Halted = "halted";
    public const string Completed = "completed";

    public const string Waiting = "waiting";
    public const string Pushed = "pushed";
    public const string Applied = "applied";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>Not pushed: no school file known for that school (none pushed, none reported by its agent); neither an error nor a success.</summary>
    public const string Skipped = "skipped";

    public static bool IsDone(string schoolStatus) => schoolStatus is Succeeded or Failed or Skipped;
}
