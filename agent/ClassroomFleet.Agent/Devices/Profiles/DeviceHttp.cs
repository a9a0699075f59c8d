using System.Net;

namespace ClassroomFleet.Agent.Devices.Profiles;

/// <summary>
/// The HttpClient for device protocols (ONVIF, HTTP probe): no proxy (devices sit on the school LAN), no automatic
/// redirects, pooled connections recycled every few minutes so that a device's changed address is noticed.
/// Per-call deadlines come from the device profile, so the client's own timeout is off.
/// </summary>
public static class DeviceHttp
{
    public static HttpClient Create() => new(new SocketsHttpHandler
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(5),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
        DefaultRequestVersion = HttpVersion.Version11,
    };
}
