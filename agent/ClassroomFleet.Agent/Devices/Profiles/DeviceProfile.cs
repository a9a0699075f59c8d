namespace ClassroomFleet.Agent.Devices.Profiles;

/// <summary>
/// What a device kind polls and how hard it may push the device: commands, numeric OIDs (never MIB names: no MIB is
/// parsed at run time), walk size, pacing and time limits. Built-in profiles are data (<see cref="BuiltInProfiles"/>);
/// a device may pick another profile by name and override single values in the school file.
/// </summary>
public sealed record DeviceProfile
{
    public required string Name { get; init; }

    /// <summary>The device kinds this profile serves; the first profile listed for a kind is its default.</summary>
    public required IReadOnlyList<string> Kinds { get; init; }

    /// <summary>Per-request (per command, per SNMP request, per HTTP call) timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Pause between two requests to the same device; small embedded controllers drop fast senders.</summary>
    public TimeSpan Pacing { get; init; } = TimeSpan.Zero;

    public int MaxRepetitions { get; init; } = 10;

    /// <summary>PJLink commands as class digit + command body, e.g. <c>1POWR</c>, <c>2SNUM</c>.</summary>
    public IReadOnlyList<string> PjLinkCommands { get; init; } = [];

    /// <summary>Named numeric OIDs (scalars or table columns) read over SNMP.</summary>
    public IReadOnlyDictionary<string, string> SnmpOids { get; init; } = new Dictionary<string, string>();

    /// <summary>Storage types (hrStorageType OIDs) counted as disks; others (RAM, virtual memory) are skipped.</summary>
    public IReadOnlyList<string> DiskStorageTypes { get; init; } = [];

    /// <summary>The most one poll of a device may take, all requests included; null for the agent's Agent:DeviceBudget.</summary>
    public TimeSpan? Budget { get; init; }

    /// <summary>Switches: which interfaces get series of their own (<see cref="InterfaceFilter"/>).</summary>
    public InterfaceFilter Interfaces { get; init; } = InterfaceFilter.UplinksAndRegistered;

    public TimeSpan IcmpTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>PC groups: how many echo requests are in flight at once.</summary>
    public int IcmpParallelism { get; init; } = 32;
}
