using System.Text.Json.Serialization;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>
/// The apply journal (<c>journal.json</c>): present from just before the school file is replaced until the fleet
/// confirms the new version or the agent undoes it. At start a journal in phase <see cref="ApplyPhase.Applying"/> is
/// undone (the replacement may or may not have happened; restoring the previous file is right either way) and one in
/// <see cref="ApplyPhase.AwaitingConfirm"/> keeps its deadline.
/// </summary>
public sealed record ApplyJournal
{
    [JsonPropertyName("phase")]
    public required ApplyPhase Phase { get; init; }

    [JsonPropertyName("version")]
    public required long Version { get; init; }

    /// <summary>The version in force before this apply (restored with <c>previous.yaml</c>).</summary>
    [JsonPropertyName("previous_version")]
    public required long PreviousVersion { get; init; }

    [JsonPropertyName("new_sha256")]
    public required string NewSha256 { get; init; }

    [JsonPropertyName("confirm_deadline")]
    public DateTimeOffset? ConfirmDeadline { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ApplyPhase>))]
public enum ApplyPhase
{
    Applying,
    AwaitingConfirm,
}
