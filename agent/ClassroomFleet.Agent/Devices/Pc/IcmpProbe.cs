using System.Net;
using System.Net.NetworkInformation;

namespace ClassroomFleet.Agent.Devices.Pc;

/// <summary>
/// ICMP echo reachability. The agent runs as root on the gateway (raw sockets); without that privilege .NET falls back
/// to the system <c>ping</c> tool, which is slower but gives the same answer.
/// </summary>
public static class IcmpProbe
{
    private static readonly byte[] Payload = new byte[32];

    public static async Task<IcmpResult> PingAsync(string host, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var ping = new Ping();
        try
        {
            var reply = IPAddress.TryParse(host, out var ip)
                ? await ping.SendPingAsync(ip, timeout, Payload, null, cancellationToken).ConfigureAwait(false)
                : await ping.SendPingAsync(host, timeout, Payload, null, cancellationToken).ConfigureAwait(false);
            return reply.Status == IPStatus.Success
                ? new IcmpResult(true, reply.RoundtripTime, null)
                : new IcmpResult(false, null, reply.Status.ToString());
        }
        catch (PingException ex)
        {
            return new IcmpResult(false, null, ex.InnerException?.Message ?? ex.Message);
        }
    }
}
