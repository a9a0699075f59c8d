using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Fleet.Registry;

/// <summary>A county the registry has heard of, with the number of its schools.</summary>
public sealed record CountyRecord(string Code, int Schools, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);

/// <summary>A school as listed in its county: name and category (null until its inventory arrives), device and agent counts.</summary>
public sealed record SchoolSummary(
    string Code, string County, string? Name, string? Category, int Devices, int AgentsOnline, DateTimeOffset LastSeen);

/// <summary>A school with its school-file facts as last received.</summary>
public sealed record SchoolRecord
{
    public required string Code { get; init; }

    public required string County { get; init; }

    public string? Name { get; init; }

    public string? Category { get; init; }

    public string? UrbanRuralCode { get; init; }

    public DatedCount? Classes { get; init; }

    public DatedCount? Teachers { get; init; }

    public DatedCount? Students { get; init; }

    public string? SchoolFileSha256 { get; init; }

    public string? InventoryAgent { get; init; }

    /// <summary>The time stamped in the inventory message in force; null when no inventory arrived yet.</summary>
    public DateTimeOffset? InventoryTime { get; init; }

    public DateTimeOffset FirstSeen { get; init; }

    public DateTimeOffset LastSeen { get; init; }

    public IReadOnlyList<RoomRecord> Rooms { get; init; } = [];
}

/// <summary>A room from the school file.</summary>
public sealed record RoomRecord(string Id, string Name, string Type);

/// <summary>
/// A device: from the school file (<see cref="InInventory"/>) and/or seen in telemetry (<see cref="LastSeen"/>). A device
/// sending telemetry but missing from the school file is kept with <see cref="InInventory"/> false so that it shows.
/// </summary>
public sealed record DeviceRecord(
    string School, string Id, string? Kind, string? Room, bool InInventory, string? LastAgent, DateTimeOffset? FirstSeen, DateTimeOffset? LastSeen);

/// <summary>An agent (school gateway) with its last status and when it was last heard from (status or telemetry).</summary>
public sealed record AgentRecord
{
    public required string School { get; init; }

    public required string Id { get; init; }

    public required string County { get; init; }

    /// <summary>Null when no status message arrived yet (only telemetry).</summary>
    public bool? Online { get; init; }

    public string? Version { get; init; }

    public long? ConfigVersion { get; init; }

    public long? OutboxDepth { get; init; }

    public long? OutboxBytes { get; init; }

    public double? OutboxOldestAgeSeconds { get; init; }

    public DateTimeOffset? StatusTime { get; init; }

    public DateTimeOffset LastSeen { get; init; }
}

/// <summary>One telemetry sighting of a device, as the ingest reports it.</summary>
public readonly record struct TelemetrySeen(string County, string School, string Device, string Kind, string Agent, DateTimeOffset Time);
