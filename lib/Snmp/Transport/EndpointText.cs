using System.Net;
using System.Net.Sockets;

namespace ClassroomFleet.Snmp.Transport;

/// <summary>A socket address that turns into "ip:port" only when a log line is actually written.</summary>
internal readonly record struct EndpointText(SocketAddress Address)
{
    public override string ToString()
    {
        try
        {
            var template = new IPEndPoint(Address.Family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
            return template.Create(Address).ToString() ?? "?";
        }
        catch (ArgumentException)
        {
            return "?";
        }
    }
}
