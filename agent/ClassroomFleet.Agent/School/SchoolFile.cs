namespace ClassroomFleet.Agent.School;

/// <summary>
/// The school file: one YAML document that describes a school, its rooms and the devices the agent polls.
/// Secrets never stand in it: a device names a credential, which the agent resolves from its configuration.
/// </summary>
public sealed class SchoolFile
{
    public string Schema { get; set; } = "";

    public string County { get; set; } = "";

    public string School { get; set; } = "";

    public string Name { get; set; } = "";

    public string Category { get; set; } = "";

    public string? UrbanRuralCode { get; set; }

    /// <summary>The campus (校区) when a school has several; absent for a single-campus school.</summary>
    public string? Campus { get; set; }

    public HeadCount? Classes { get; set; }

    public HeadCount? Teachers { get; set; }

    public HeadCount? Students { get; set; }

    public List<RoomEntry> Rooms { get; set; } = [];

    public List<DeviceEntry> Devices { get; set; } = [];
}
