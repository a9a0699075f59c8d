namespace ClassroomFleet.Fleet.Compliance.Inputs;

// The YAML shape of a county facts file (schema classroomfleet.county/v1). Repeated rooms, devices and classes may be
// written once with `count: N`; "{n}" in their id, room, home_room and labs is replaced by 1..N.

/// <summary>A county described in YAML.</summary>
public sealed class CountyDocument
{
    public string? Schema { get; set; }

    public CountyHeaderDocument? County { get; set; }

    public List<SiteDocument> Sites { get; set; } = [];
}

/// <summary>County code, name and school calendar.</summary>
public sealed class CountyHeaderDocument
{
    public string? Code { get; set; }

    public string? Name { get; set; }

    public string? Calendar { get; set; }
}

/// <summary>One site.</summary>
public sealed class SiteDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    public string? TelemetrySchool { get; set; }

    public List<string> ProbeDevices { get; set; } = [];

    public string? UrbanRuralCode { get; set; }

    public int? UrbanRuralCodeYear { get; set; }

    public string? Stage { get; set; }

    public string? Ownership { get; set; }

    public List<string> Tags { get; set; } = [];

    public bool? HasItCourse { get; set; }

    public string? ParentSchool { get; set; }

    public bool SharedUplink { get; set; }

    public CountDocument? Classes { get; set; }

    public CountDocument? Teachers { get; set; }

    public CountDocument? Students { get; set; }

    public List<UplinkDocument> Uplinks { get; set; } = [];

    public List<RoomDocument> Rooms { get; set; } = [];

    public List<DeviceDocument> Devices { get; set; } = [];

    public List<ClassDocument> ClassList { get; set; } = [];

    /// <summary>The date the class list (班额, home rooms) was taken from the register.</summary>
    public string? ClassListAsOf { get; set; }

    public string? ClassListSource { get; set; }
}

/// <summary>A register count.</summary>
public sealed class CountDocument
{
    public int Value { get; set; }

    public string? AsOf { get; set; }

    public string? Source { get; set; }
}

/// <summary>A contracted line.</summary>
public sealed class UplinkDocument
{
    public string? Id { get; set; }

    public decimal DownMbps { get; set; }

    public decimal UpMbps { get; set; }

    public string? Role { get; set; }

    public string? Reach { get; set; }

    public string? AsOf { get; set; }

    public string? Source { get; set; }
}

/// <summary>A room, or <c>count</c> alike rooms.</summary>
public sealed class RoomDocument
{
    public string? Id { get; set; }

    public string? Type { get; set; }

    public bool InUse { get; set; } = true;

    public string? ExclusionReason { get; set; }

    public int WiredPorts { get; set; }

    public int Count { get; set; } = 1;
}

/// <summary>A device, or <c>count</c> alike devices.</summary>
public sealed class DeviceDocument
{
    public string? Id { get; set; }

    public string? Class { get; set; }

    public string? Room { get; set; }

    public bool Broken { get; set; }

    public int Count { get; set; } = 1;
}

/// <summary>A class, or <c>count</c> alike classes.</summary>
public sealed class ClassDocument
{
    public string? Id { get; set; }

    public int? Size { get; set; }

    public string? HomeRoom { get; set; }

    public List<string> Labs { get; set; } = [];

    public int Count { get; set; } = 1;
}
