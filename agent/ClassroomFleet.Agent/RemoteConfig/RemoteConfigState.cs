using System.Text.Json.Serialization;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>
/// What the agent remembers across restarts (<c>state.json</c>): the highest version it ever accepted (the high-water
/// mark: anything at or below it is stale), the version in force, and its last report (re-published on reconnect).
/// </summary>
public sealed record RemoteConfigState
{
    [JsonPropertyName("high_water")]
    public long HighWater { get; init; }

    /// <summary>SHA-256 (hex) of the accepted document of <see cref="HighWater"/>, to know it again when re-delivered.</summary>
    [JsonPropertyName("high_water_sha256")]
    public string? HighWaterSha256 { get; init; }

    [JsonPropertyName("in_force")]
    public long InForce { get; init; }

    [JsonPropertyName("last_report")]
    public ConfigReported? LastReport { get; init; }
}
