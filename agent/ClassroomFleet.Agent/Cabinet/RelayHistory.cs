using System.Text.Json.Serialization;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>What the interlock remembers of one relay across restarts: when its cycles began, when power last came back.</summary>
internal sealed class RelayHistory
{
    [JsonPropertyName("starts")]
    public List<DateTimeOffset> Starts { get; init; } = [];

    [JsonPropertyName("last_restored")]
    public DateTimeOffset? LastRestored { get; init; }
}
