using System.Text.Json.Serialization;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>
/// The apply journal (<c>journal.json</c>): present from just before the school file is replaced until the fleet's
/// confirmation or the undo has been carried out in full. Each multi-file step first records its phase here, so that
/// the recovery at start can finish it (every step is safe to repeat):
/// <list type="bullet">
/// <item><see cref="ApplyPhase.Applying"/>: the replacement may or may not have happened; it is undone.</item>
/// <item><see cref="ApplyPhase.AwaitingConfirm"/>: the new file is in force; it keeps its deadline, or is undone at
/// once if the deadline has passed.</item>
/// <item><see cref="ApplyPhase.Confirming"/>: the new file becomes the last good one; that is finished.</item>
/// <item><see cref="ApplyPhase.RollingBack"/>: the last good file and settings are being restored; that is finished,
/// with the <see cref="Reason"/> the undo was started for.</item>
/// </list>
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

    /// <summary>Why the undo was started (phase <see cref="ApplyPhase.RollingBack"/>), reported when it is finished.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<ApplyPhase>))]
public enum ApplyPhase
{
    Applying,
    AwaitingConfirm,
    Confirming,
    RollingBack,
}
