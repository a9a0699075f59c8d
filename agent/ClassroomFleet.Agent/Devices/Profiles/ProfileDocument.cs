using ClassroomFleet.Agent.School;
using ClassroomFleet.Snmp;

namespace ClassroomFleet.Agent.Devices.Profiles;

/// <summary>A device profile as written in YAML; <see cref="ToProfile"/> checks every value.</summary>
internal sealed class ProfileDocument
{
    public string Name { get; set; } = "";

    public List<string> Kinds { get; set; } = [];

    public string Timeout { get; set; } = "3s";

    public string Pacing { get; set; } = "0ms";

    public int MaxRepetitions { get; set; } = 10;

    public List<string> PjlinkCommands { get; set; } = [];

    public Dictionary<string, string> SnmpOids { get; set; } = [];

    public List<string> DiskStorageTypes { get; set; } = [];

    public string IcmpTimeout { get; set; } = "1s";

    public string? Budget { get; set; }

    public string Interfaces { get; set; } = "uplinks_and_registered";

    public int IcmpParallelism { get; set; } = 32;

    public DeviceProfile ToProfile(string at)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            errors.Add("name is required");
        }

        if (Kinds.Count == 0)
        {
            errors.Add("kinds must list at least one device kind");
        }

        var timeout = Duration(Timeout, "timeout", errors);
        var pacing = Pacing is "0ms" or "0s" or "0" ? TimeSpan.Zero : Duration(Pacing, "pacing", errors);
        var icmpTimeout = Duration(IcmpTimeout, "icmp_timeout", errors);
        TimeSpan? budget = Budget is null ? null : Duration(Budget, "budget", errors);
        InterfaceFilter interfaces = default;
        switch (Interfaces)
        {
            case "uplinks": interfaces = InterfaceFilter.Uplinks; break;
            case "uplinks_and_registered": interfaces = InterfaceFilter.UplinksAndRegistered; break;
            case "all": interfaces = InterfaceFilter.All; break;
            default: errors.Add("interfaces must be uplinks, uplinks_and_registered or all"); break;
        }

        if (MaxRepetitions is < 1 or > 100)
        {
            errors.Add("max_repetitions must be 1 to 100");
        }

        if (IcmpParallelism is < 1 or > 256)
        {
            errors.Add("icmp_parallelism must be 1 to 256");
        }

        foreach (var command in PjlinkCommands)
        {
            if (!PjLinkCommandText.IsValid(command))
            {
                errors.Add($"pjlink_commands: '{command}' must be a class digit and a 4-letter command, e.g. 1POWR");
            }
        }

        foreach (var (name, oid) in SnmpOids.Concat(DiskStorageTypes.Select(t => KeyValuePair.Create("disk_storage_types", t))))
        {
            if (!Oid.TryParse(oid, out _))
            {
                errors.Add($"{name}: '{oid}' is not a numeric OID");
            }
        }

        if (errors.Count > 0)
        {
            throw new DeviceProfileException($"{at} ({Name}): {string.Join("; ", errors)}");
        }

        return new DeviceProfile
        {
            Name = Name,
            Kinds = Kinds,
            Timeout = timeout,
            Pacing = pacing,
            MaxRepetitions = MaxRepetitions,
            PjLinkCommands = PjlinkCommands,
            SnmpOids = SnmpOids,
            DiskStorageTypes = DiskStorageTypes,
            IcmpTimeout = icmpTimeout,
            Budget = budget,
            Interfaces = interfaces,
            IcmpParallelism = IcmpParallelism,
        };
    }

    private static TimeSpan Duration(string text, string field, List<string> errors)
    {
        if (DurationText.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add($"{field} must be a duration such as 500ms or 3s");
        return default;
    }
}
