using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Snmp;

namespace ClassroomFleet.Agent.Devices.Switch;

/// <summary>
/// The interface-table columns a switch profile names (IF-MIB ifTable and ifXTable, by numeric OID), in the order they
/// are walked, and how to read a port from one row. A column the profile leaves out is simply not read.
/// </summary>
internal sealed class SwitchColumns
{
    private static readonly string[] Names =
    [
        "if_name", "if_descr", "if_alias", "if_hc_in_octets", "if_hc_out_octets", "if_in_octets", "if_out_octets",
        "if_high_speed", "if_speed", "if_oper_status", "if_counter_discontinuity_time",
        "if_in_errors", "if_out_errors", "if_in_discards", "if_out_discards",
    ];

    private readonly Dictionary<string, int> _position = new(StringComparer.Ordinal);

    public SwitchColumns(DeviceProfile profile)
    {
        var columns = new List<Oid>();
        foreach (var name in Names)
        {
            if (profile.SnmpOids.TryGetValue(name, out var oid))
            {
                _position[name] = columns.Count;
                columns.Add(Oid.Parse(oid));
            }
        }

        if (!_position.ContainsKey("if_hc_in_octets") && !_position.ContainsKey("if_in_octets"))
        {
            throw new InvalidOperationException($"profile {profile.Name} names no octet counters (if_hc_in_octets or if_in_octets)");
        }

        Oids = columns;
        SysUpTime = Scalar(profile, "sys_up_time");
        EngineBoots = Scalar(profile, "snmp_engine_boots");
    }

    public IReadOnlyList<Oid> Oids { get; }

    public Oid? SysUpTime { get; }

    public Oid? EngineBoots { get; }

    /// <summary>The port of one row, or null when it has no name or no octet counters at all.</summary>
    public PortReading? Read(SnmpTableRow row)
    {
        var name = Text(row, "if_name") ?? Text(row, "if_descr");
        var ifIndex = row.Index.Length == 1 ? (int)row.Index[0] : 0;
        if (name is null || ifIndex == 0)
        {
            return null;
        }

        int bits;
        ulong inOctets, outOctets;
        if (Number(row, "if_hc_in_octets") is { } hcIn && Number(row, "if_hc_out_octets") is { } hcOut)
        {
            (bits, inOctets, outOctets) = (64, hcIn, hcOut);
        }
        else if (Number(row, "if_in_octets") is { } in32 && Number(row, "if_out_octets") is { } out32)
        {
            (bits, inOctets, outOctets) = (32, in32, out32);
        }
        else
        {
            return null;
        }

        // ifHighSpeed is in Mbit/s; ifSpeed (bit/s, a Gauge32 that saturates at 4.29 Gbit/s) only where it is missing.
        var speed = Number(row, "if_high_speed") is { } high and > 0 ? (long)high : (long)((Number(row, "if_speed") ?? 0) / 1_000_000);
        return new PortReading(
            ifIndex,
            name,
            Text(row, "if_alias") is { Length: > 0 } alias ? alias : null,
            inOctets,
            outOctets,
            bits,
            speed,
            Number(row, "if_oper_status") == 1,
            (uint)(Number(row, "if_counter_discontinuity_time") ?? 0))
        {
            InErrors = Number(row, "if_in_errors"),
            OutErrors = Number(row, "if_out_errors"),
            InDiscards = Number(row, "if_in_discards"),
            OutDiscards = Number(row, "if_out_discards"),
        };
    }

    private string? Text(SnmpTableRow row, string column) =>
        _position.TryGetValue(column, out var at) && row[at] is { IsException: false } value ? value.AsText() : null;

    private ulong? Number(SnmpTableRow row, string column) =>
        _position.TryGetValue(column, out var at) && row[at] is { IsException: false } value && value.TryGetUInt64(out var number) ? number : null;

    private static Oid? Scalar(DeviceProfile profile, string name) =>
        profile.SnmpOids.TryGetValue(name, out var oid) ? Oid.Parse(oid) : null;
}
