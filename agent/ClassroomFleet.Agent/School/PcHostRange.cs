using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ClassroomFleet.Agent.School;

/// <summary>One entry of a PC group's hosts: an IPv4 address, or a range of last octets (<c>10.3.2.11-70</c>).</summary>
public static class PcHostRange
{
    public const int MaxHostsPerEntry = 254;

    public static bool TryParse(string text, out IReadOnlyList<IPAddress> addresses)
    {
        addresses = [];
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var first = dash < 0 ? text : text[..dash];
        if (!IPAddress.TryParse(first, out var start) || start.AddressFamily != AddressFamily.InterNetwork || first.Count(c => c == '.') != 3)
        {
            return false;
        }

        if (dash < 0)
        {
            addresses = [start];
            return true;
        }

        var bytes = start.GetAddressBytes();
        if (!byte.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var last) || last < bytes[3] || last - bytes[3] + 1 > MaxHostsPerEntry)
        {
            return false;
        }

        var list = new List<IPAddress>(last - bytes[3] + 1);
        for (var octet = bytes[3]; octet <= last; octet++)
        {
            list.Add(new IPAddress([bytes[0], bytes[1], bytes[2], octet]));
            if (octet == byte.MaxValue)
            {
                break;
            }
        }

        addresses = list;
        return true;
    }
}
