namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>
/// Everything the registry knows about one site (a school, a campus of a multi-campus school, or a teaching point).
/// A multi-campus school is one site per campus, each with its own classes and uplinks (POLICY-TARGETS §6.3).
/// </summary>
public sealed record SiteFacts
{
    /// <summary>Site identifier: the 10-digit school code, or that code with a campus suffix.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required SiteKind Kind { get; init; }

    /// <summary>The school tag its agent writes to InfluxDB (defaults to <see cref="Id"/>).</summary>
    public string TelemetrySchool { get; init; } = "";

    /// <summary>When set, only probes from these agent devices count for this site (a campus sharing a school code).</summary>
    public IReadOnlyList<string> ProbeDevices { get; init; } = [];

    /// <summary>NBS 统计用区划和城乡划分代码 class (111…220) and the year of the code table.</summary>
    public string? UrbanRuralCode { get; init; }

    public int? UrbanRuralCodeYear { get; init; }

    /// <summary>primary, junior, senior, nine_year, twelve_year, complete_secondary, secondary_vocational, special.</summary>
    public string? Stage { get; init; }

    /// <summary>public or private (民办).</summary>
    public string Ownership { get; init; } = "public";

    /// <summary>Bureau-maintained tags, for example 有条件.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Whether the site teaches information technology (a teaching point may not).</summary>
    public bool HasItCourse { get; init; } = true;

    public string? ParentSchool { get; init; }

    /// <summary>A teaching point that shares its parent's uplink: judged with the parent (POLICY-TARGETS §6.3).</summary>
    public bool SharedUplink { get; init; }

    public RegistryCount? Classes { get; init; }

    public RegistryCount? Teachers { get; init; }

    public RegistryCount? Students { get; init; }

    public IReadOnlyList<UplinkContract> Uplinks { get; init; } = [];

    public IReadOnlyList<RoomFacts> Rooms { get; init; } = [];

    public IReadOnlyList<DeviceFacts> Devices { get; init; } = [];

    public IReadOnlyList<ClassFacts> ClassList { get; init; } = [];

    /// <summary>The date the class list (班额, home rooms, labs) was taken from the register, and from which register.</summary>
    public DateOnly? ClassListAsOf { get; init; }

    public string? ClassListSource { get; init; }

    public string TelemetrySchoolOrId => TelemetrySchool.Length > 0 ? TelemetrySchool : Id;
}
