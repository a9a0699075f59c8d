namespace ClassroomFleet.Fleet.Registry;

/// <summary>
/// The registry's settings (section <c>Registry</c>):
/// <code>
/// "Registry": { "Provider": "sqlite", "ConnectionString": "Data Source=/var/lib/classroomfleet-fleet/registry.db",
///               "SeenFlushInterval": "00:00:05", "MaxPendingSeen": 100000 }
/// "Registry": { "Provider": "postgres", "ConnectionString": "Host=db.county.example;Database=classroomfleet;Username=fleet;Password=…" }
/// </code>
/// Without a connection string, SQLite uses <c>registry.db</c> in <c>Fleet:DataDirectory</c>.
/// </summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Registry";

    public RegistryProvider Provider { get; set; } = RegistryProvider.Sqlite;

    public string? ConnectionString { get; set; }

    /// <summary>How often telemetry sightings, coalesced in memory, are written to the registry.</summary>
    public TimeSpan SeenFlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Distinct devices held between flushes; sightings of further devices are dropped (and counted) until the next flush.</summary>
    public int MaxPendingSeen { get; set; } = 100_000;
}
