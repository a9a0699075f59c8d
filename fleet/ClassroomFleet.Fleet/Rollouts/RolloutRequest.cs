using System.Text.Json.Serialization;

namespace ClassroomFleet.Fleet.Rollouts;

/// <summary>
/// What a technician asks for: a county, optionally narrowed to a list of schools or a tag; the change; the waves
/// (cumulative: <c>["1", "10%", "100%"]</c> = one school, then up to 10 % of the targets, then the rest); and the share
/// of failed schools (refused or rolled back or silent) above which the rollout halts.
/// </summary>
public sealed record RolloutRequest
{
    [JsonPropertyName("county")]
    public required string County { get; init; }

    [JsonPropertyName("schools")]
    public IReadOnlyList<string>? Schools { get; init; }

    [JsonPropertyName("tag")]
    public string? Tag { get; init; }

    [JsonPropertyName("patch")]
    public required ConfigPatch Patch { get; init; }

    [JsonPropertyName("waves")]
    public IReadOnlyList<string> Waves { get; init; } = ["1", "10%", "100%"];

    [JsonPropertyName("error_threshold")]
    public double ErrorThreshold { get; init; } = 0.1;
}
