using ClassroomFleet.Agent.Devices.Pc;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Devices.AccessPoint;

/// <summary>
/// Whether a wireless access point is up: an ICMP echo to its management address. What the Wi-Fi coverage rules count
/// is the <c>device</c> point every poll yields (an access point mapped to a room and seen up in the audit window);
/// an access point that does not answer fails the poll, so its <c>up</c> is false with the reason.
/// </summary>
public sealed class AccessPointPoller(DeviceProfileCatalog profiles) : IDevicePoller
{
    public const string DeviceKind = "access_point";

    public string Kind => DeviceKind;

    public async Task<IReadOnlyList<TelemetryPoint>> PollAsync(DeviceEntry device, CancellationToken cancellationToken = default)
    {
        if (!DeviceAddress.TryParse(device.Address, 0, out var address))
        {
            throw new InvalidOperationException($"device {device.Id}: '{device.Address}' is not host or host:port");
        }

        var echo = await IcmpProbe.PingAsync(address.Host, profiles.Resolve(device).IcmpTimeout, cancellationToken).ConfigureAwait(false);
        return echo.Reachable
            ? []
            : throw new InvalidOperationException($"access point {address.Host} did not answer ICMP echo ({echo.Failure})");
    }
}
