namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>Log messages of remote configuration on the fleet (event ids 5800–5849).</summary>
internal static partial class RemoteConfigFleetLog
{
    [LoggerMessage(EventId = 5800, Level = LogLevel.Warning, Message = "Publish to {Topic} failed: {Reason}")]
    public static partial void PublishFailed(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 5801, Level = LogLevel.Information, Message = "Configuration {County}/{School} version {Version} pushed by {Actor}")]
    public static partial void Pushed(ILogger logger, string county, string school, long version, string actor);

    [LoggerMessage(EventId = 5802, Level = LogLevel.Warning, Message = "Refused message on {Topic}: {Reason}")]
    public static partial void Rejected(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 5803, Level = LogLevel.Information, Message = "Agent of {County}/{School} reports version {Version}: {Status} {Reason}")]
    public static partial void Reported(ILogger logger, string county, string school, long version, string status, string reason);

    [LoggerMessage(EventId = 5804, Level = LogLevel.Warning, Message = "Rollout {Rollout} halted: {Reason}")]
    public static partial void RolloutHalted(ILogger logger, string rollout, string reason);

    [LoggerMessage(EventId = 5805, Level = LogLevel.Error, Message = "Remote configuration background step failed")]
    public static partial void StepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5806, Level = LogLevel.Information, Message = "Configuration signing key {Path} (key id {KeyId}); agents pin its public half (GET /api/v1/config/signing-key)")]
    public static partial void SigningKey(ILogger logger, string path, string keyId);

    [LoggerMessage(EventId = 5807, Level = LogLevel.Warning, Message = "Stored the report of {County}/{School} version {Version} but did not confirm it or tell the rollouts: {Capacity} reports are already waiting")]
    public static partial void FollowUpDropped(ILogger logger, string county, string school, long version, int capacity);
}
