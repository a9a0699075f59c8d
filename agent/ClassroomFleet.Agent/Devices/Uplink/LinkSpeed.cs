using System.Globalization;

namespace ClassroomFleet.Agent.Devices.Uplink;

/// <summary>The probe's own link speed in Mbit/s from <c>/sys/class/net/&lt;if&gt;/speed</c>; null where the kernel reports none (loopback, Wi-Fi, link down).</summary>
public static class LinkSpeed
{
    public static async Task<long?> ReadMbpsAsync(string? interfaceName, string sysfsRoot = "/sys", CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(interfaceName) || interfaceName.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            var text = await File.ReadAllTextAsync(Path.Combine(sysfsRoot, "class", "net", interfaceName, "speed"), cancellationToken).ConfigureAwait(false);
            return long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var mbps) && mbps > 0 ? mbps : null;
        }
        catch (IOException)
        {
            // EINVAL on read when the link is down or the driver reports no speed.
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
