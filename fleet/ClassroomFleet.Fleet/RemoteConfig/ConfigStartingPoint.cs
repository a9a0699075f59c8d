using System.Text.Json.Serialization;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>The school file an edit starts from, the version to push it back on, and where it came from.</summary>
public sealed record ConfigStartingPoint(
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("school_file")] string SchoolFile,
    [property: JsonPropertyName("agent")] ConfigAgentSettings? Agent,
    [property: JsonPropertyName("source")] string Source)
{
    /// <summary>The latest desired document.</summary>
    public const string Desired = "desired";

    /// <summary>No push yet: the file the school's agent reports in force (version 0).</summary>
    public const string Reported = "reported";
}
