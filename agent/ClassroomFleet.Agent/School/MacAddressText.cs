using System.Net.NetworkInformation;

namespace ClassroomFleet.Agent.School;

/// <summary>A MAC address as the school file writes it: <c>70:f9:6d:00:10:01</c>, <c>70-F9-6D-00-10-01</c> or <c>70f9.6d00.1001</c>.</summary>
public static class MacAddressText
{
    public static bool TryParse(string text, out PhysicalAddress mac)
    {
        if (PhysicalAddress.TryParse(text.Trim(), out var parsed) && parsed.GetAddressBytes().Length == 6)
        {
            mac = parsed;
            return true;
        }

        mac = PhysicalAddress.None;
        return false;
    }

    /// <summary>Lower-case, colon-separated: how the agent writes a MAC in telemetry.</summary>
    public static string Format(PhysicalAddress mac) =>
        string.Join(':', mac.GetAddressBytes().Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
