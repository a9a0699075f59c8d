using System.Net;
using System.Net.NetworkInformation;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Snmp;

namespace ClassroomFleet.Agent.Devices.Switch.Tables;

/// <summary>
/// Reads a switch's bridge forwarding tables (dot1dTpFdbTable, dot1qTpFdbTable) and ARP tables (ipNetToPhysicalTable,
/// ipNetToMediaTable) with the OIDs its profile names; a table the profile leaves out, or the switch lacks, is skipped.
/// Entries the switch marks invalid (FDB status invalid(2) and self(4), ARP type invalid(2)) are left out.
/// </summary>
public sealed class ForwardingTableReader(SnmpClient snmp, TimeProvider time)
{
    private const ulong FdbInvalid = 2;
    private const ulong FdbSelf = 4;
    private const ulong ArpInvalid = 2;
    private const uint InetAddressIPv4 = 1;

    public async Task<SwitchTables> ReadAsync(SnmpTarget target, DeviceProfile profile, CancellationToken cancellationToken = default)
    {
        var oids = profile.SnmpOids;
        var ifIndexByPort = new Dictionary<uint, int>();
        if (Column(oids, "dot1d_base_port_if_index") is { } basePort)
        {
            var table = await snmp.GetTableAsync(target, [basePort], cancellationToken).ConfigureAwait(false);
            foreach (var row in table.Rows)
            {
                if (row.Index.Length == 1 && row[0] is { } value && value.TryGetUInt64(out var ifIndex))
                {
                    ifIndexByPort[row.Index[0]] = (int)ifIndex;
                }
            }
        }

        var ports = new Dictionary<PhysicalAddress, int>();
        await ReadFdbAsync(target, Column(oids, "dot1d_tp_fdb_port"), Column(oids, "dot1d_tp_fdb_status"), 0, ifIndexByPort, ports, cancellationToken).ConfigureAwait(false);
        // dot1qTpFdbTable is indexed by dot1qFdbId first, then the MAC.
        await ReadFdbAsync(target, Column(oids, "dot1q_tp_fdb_port"), Column(oids, "dot1q_tp_fdb_status"), 1, ifIndexByPort, ports, cancellationToken).ConfigureAwait(false);

        var addresses = new Dictionary<PhysicalAddress, IPAddress>();
        await ReadArpAsync(target, Column(oids, "ip_net_to_physical_phys_address"), Column(oids, "ip_net_to_physical_type"), physical: true, addresses, cancellationToken).ConfigureAwait(false);
        await ReadArpAsync(target, Column(oids, "ip_net_to_media_phys_address"), Column(oids, "ip_net_to_media_type"), physical: false, addresses, cancellationToken).ConfigureAwait(false);
        return new SwitchTables(ports, addresses, time.GetUtcNow());
    }

    private async Task ReadFdbAsync(
        SnmpTarget target, Oid? portColumn, Oid? statusColumn, int macOffset, Dictionary<uint, int> ifIndexByPort, Dictionary<PhysicalAddress, int> into, CancellationToken cancellationToken)
    {
        if (portColumn is not { } port)
        {
            return;
        }

        Oid[] columns = statusColumn is { } status ? [port, status] : [port];
        var table = await snmp.GetTableAsync(target, columns, cancellationToken).ConfigureAwait(false);
        foreach (var row in table.Rows)
        {
            if (row.Index.Length != macOffset + 6 || MacFromIndex(row.Index, macOffset) is not { } mac)
            {
                continue;
            }

            if (columns.Length == 2 && row[1] is { } statusValue && statusValue.TryGetUInt64(out var state) && state is FdbInvalid or FdbSelf)
            {
                continue;
            }

            if (row[0] is { } portValue && portValue.TryGetUInt64(out var bridgePort))
            {
                into[mac] = ifIndexByPort.GetValueOrDefault((uint)bridgePort);
            }
        }
    }

    private async Task ReadArpAsync(
        SnmpTarget target, Oid? physColumn, Oid? typeColumn, bool physical, Dictionary<PhysicalAddress, IPAddress> into, CancellationToken cancellationToken)
    {
        if (physColumn is not { } phys)
        {
            return;
        }

        Oid[] columns = typeColumn is { } type ? [phys, type] : [phys];
        var table = await snmp.GetTableAsync(target, columns, cancellationToken).ConfigureAwait(false);
        foreach (var row in table.Rows)
        {
            if (row[0] is not OctetString { Value.Length: 6 } macValue
                || (columns.Length == 2 && row[1] is { } typeValue && typeValue.TryGetUInt64(out var kind) && kind == ArpInvalid))
            {
                continue;
            }

            var address = physical ? PhysicalIndexAddress(row.Index) : MediaIndexAddress(row.Index);
            if (address is not null)
            {
                into.TryAdd(new PhysicalAddress(macValue.Value.ToArray()), address);
            }
        }
    }

    // ipNetToMediaEntry INDEX { ipNetToMediaIfIndex, ipNetToMediaNetAddress }: ifIndex.a.b.c.d
    private static IPAddress? MediaIndexAddress(Oid index) =>
        index.Length == 5 && Octets(index, 1, 4) is { } bytes ? new IPAddress(bytes) : null;

    // ipNetToPhysicalEntry INDEX { ifIndex, NetAddressType, NetAddress }: ifIndex.1.4.a.b.c.d for IPv4 (InetAddress carries its length).
    private static IPAddress? PhysicalIndexAddress(Oid index) =>
        index.Length == 7 && index[1] == InetAddressIPv4 && index[2] == 4 && Octets(index, 3, 4) is { } bytes ? new IPAddress(bytes) : null;

    private static PhysicalAddress? MacFromIndex(Oid index, int offset) =>
        Octets(index, offset, 6) is { } bytes ? new PhysicalAddress(bytes) : null;

    private static byte[]? Octets(Oid index, int offset, int count)
    {
        var bytes = new byte[count];
        for (var i = 0; i < count; i++)
        {
            var sub = index[offset + i];
            if (sub > byte.MaxValue)
            {
                return null;
            }

            bytes[i] = (byte)sub;
        }

        return bytes;
    }

    private static Oid? Column(IReadOnlyDictionary<string, string> oids, string name) =>
        oids.TryGetValue(name, out var text) ? Oid.Parse(text) : null;
}
