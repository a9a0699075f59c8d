using System.Net;
using System.Net.NetworkInformation;

namespace ClassroomFleet.Agent.Devices.Switch.Tables;

/// <summary>
/// What a switch knows about the hosts behind it at one instant: the bridge forwarding table (MAC → ifIndex of the
/// port it was learned on; 0 where the bridge port has no ifIndex) and the ARP/neighbour table (MAC → IPv4).
/// </summary>
public sealed record SwitchTables(
    IReadOnlyDictionary<PhysicalAddress, int> PortByMac,
    IReadOnlyDictionary<PhysicalAddress, IPAddress> AddressByMac,
    DateTimeOffset ReadAt)
{
    public static SwitchTables Empty { get; } = new(new Dictionary<PhysicalAddress, int>(), new Dictionary<PhysicalAddress, IPAddress>(), DateTimeOffset.MinValue);
}
