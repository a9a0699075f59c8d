using System.Globalization;
using System.Net;

namespace ClassroomFleet.Agent.School;

/// <summary>A device address from the school file: an IP literal or host name, with an optional port.</summary>
public static class DeviceAddress
{
    public static bool TryParse(string text, int defaultPort, out (string Host, int Port) address)
    {
        address = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (IPEndPoint.TryParse(text, out var endpoint) && text.Contains(':', StringComparison.Ordinal) && !text.StartsWith('['))
        {
            // "a.b.c.d:port" or a bare IPv6 literal (which IPEndPoint reads as address only).
            var port = endpoint.Port == 0 ? defaultPort : endpoint.Port;
            address = (endpoint.Address.ToString(), port);
            return true;
        }

        var colon = text.LastIndexOf(':');
        var host = colon > 0 ? text[..colon] : text;
        var portValue = defaultPort;
        if (colon > 0 && (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out portValue) || portValue is < 1 or > 65535))
        {
            return false;
        }

        host = host.Trim('[', ']');
        if (Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            return false;
        }

        address = (host, portValue);
        return true;
    }
}
