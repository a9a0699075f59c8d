using System.Net;
using System.Net.Sockets;

namespace ClassroomFleet.Messaging.Broker;

/// <summary>
/// The IPv4 and IPv6 addresses an MQTTnet endpoint binds for one configured address. MQTTnet binds IPv6Any unless told
/// otherwise, which would expose a "127.0.0.1" broker on every IPv6 interface: here 127.0.0.1 pairs with ::1, 0.0.0.0
/// with ::, and any other address binds its own family only (<see cref="IPAddress.None"/> disables the other).
/// </summary>
internal static class ListenerAddresses
{
    public static (IPAddress V4, IPAddress V6) For(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var v6 = address.Equals(IPAddress.Any) ? IPAddress.IPv6Any
                : IPAddress.IsLoopback(address) ? IPAddress.IPv6Loopback
                : IPAddress.None;
            return (address, v6);
        }

        var v4 = address.Equals(IPAddress.IPv6Any) ? IPAddress.Any
            : address.Equals(IPAddress.IPv6Loopback) ? IPAddress.Loopback
            : IPAddress.None;
        return (v4, address);
    }
}
