namespace ClassroomFleet.Contracts.Messages;

/// <summary>The values of <see cref="ConfigReported.Status"/>.</summary>
public static class ConfigStatus
{
    /// <summary>In force, waiting for the fleet's confirmation (undone by itself if none comes in time).</summary>
    public const string Applied = "applied";

    /// <summary>In force and confirmed by the fleet: the new last good configuration.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>Nothing pushed was ever accepted: the agent's own school file is in force (version 0).</summary>
    public const string Local = "local";

    public const string RolledBack = "rolled_back";
    public const string RefusedStale = "refused_stale";
    public const string RefusedSignature = "refused_signature";
    public const string RefusedExpired = "refused_expired";
    public const string RefusedInvalid = "refused_invalid";

    public static bool IsRefusal(string status) => status.StartsWith("refused_", StringComparison.Ordinal);

    /// <summary>True for an end state of one school's part in a rollout that counts as an error.</summary>
    public static bool IsFailure(string status) => IsRefusal(status) || status == RolledBack;
}
