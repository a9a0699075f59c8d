namespace ClassroomFleet.Fleet.Configuration;

/// <summary>
/// The fleet's ingest settings (section <c>Fleet</c>):
/// <code>
/// "Fleet": { "Id": "classroomfleet", "SharedGroup": "fleet", "DataDirectory": "/var/lib/classroomfleet-fleet" }
/// </code>
/// </summary>
public sealed class FleetOptions
{
    public const string SectionName = "Fleet";

    public const string DefaultId = "classroomfleet";

    /// <summary>The fleet's identity, sent in every acknowledgement; agents check it against their <c>Agent:FleetId</c>.</summary>
    public string Id { get; set; } = DefaultId;

    /// <summary>The shared-subscription group: instances in one group split the telemetry stream between them.</summary>
    public string SharedGroup { get; set; } = "fleet";

    /// <summary>Where the fleet keeps its own files (quarantined points; the SQLite registry by default).</summary>
    public string DataDirectory { get; set; } = "data";
}
