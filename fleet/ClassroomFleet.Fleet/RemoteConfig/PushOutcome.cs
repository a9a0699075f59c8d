namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>The result of a push: the new version, or a conflict with the version now current.</summary>
public sealed record PushOutcome(bool Accepted, long CurrentVersion, string? Problem)
{
    public static PushOutcome Pushed(long version) => new(true, version, null);

    public static PushOutcome Conflict(long current) => new(false, current, $"the base version is stale: the current version is {current}");

    public static PushOutcome Invalid(long current, string problem) => new(false, current, problem);
}
