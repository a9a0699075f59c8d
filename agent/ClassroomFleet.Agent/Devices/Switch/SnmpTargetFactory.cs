using System.Net;
using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Snmp;

namespace ClassroomFleet.Agent.Devices.Switch;

/// <summary>Builds the SNMP target of a school-file device, resolving its credential by name.</summary>
public sealed class SnmpTargetFactory(CredentialStore credentials)
{
    public async Task<SnmpTarget> CreateAsync(DeviceEntry device, CancellationToken cancellationToken = default)
    {
        var snmp = device.Snmp ?? throw new InvalidOperationException($"device {device.Id} has no snmp settings");
        if (!DeviceAddress.TryParse(device.Address, 161, out var address))
        {
            throw new InvalidOperationException($"device {device.Id}: address '{device.Address}' is not host[:port]");
        }

        var ip = IPAddress.TryParse(address.Host, out var literal)
            ? literal
            : (await Dns.GetHostAddressesAsync(address.Host, System.Net.Sockets.AddressFamily.InterNetwork, cancellationToken).ConfigureAwait(false)).FirstOrDefault()
              ?? throw new InvalidOperationException($"device {device.Id}: host '{address.Host}' has no IPv4 address");

        var credential = credentials.FindSnmp(snmp.Credential)
            ?? throw new InvalidOperationException($"device {device.Id}: credential '{snmp.Credential}' is not configured");
        var version = snmp.Version switch
        {
            "v1" => SnmpVersion.V1,
            "v3" => SnmpVersion.V3,
            _ => SnmpVersion.V2c,
        };

        return new SnmpTarget(new IPEndPoint(ip, address.Port), version, credential.Community ?? "");
    }
}
