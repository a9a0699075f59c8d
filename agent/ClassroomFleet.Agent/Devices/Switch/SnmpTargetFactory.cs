using System.Net;
using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Snmp;

namespace ClassroomFleet.Agent.Devices.Switch;

/// <summary>
/// Builds the SNMP target of a school-file device, resolving its credential by name: a community for v1/v2c, a USM
/// user for v3. The device profile sets timeout, max-repetitions and pacing.
/// </summary>
public sealed class SnmpTargetFactory(CredentialStore credentials)
{
    public async Task<SnmpTarget> CreateAsync(DeviceEntry device, DeviceProfile? profile = null, CancellationToken cancellationToken = default)
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
        var endpoint = new IPEndPoint(ip, address.Port);
        var target = snmp.Version switch
        {
            "v1" => new SnmpTarget(endpoint, SnmpVersion.V1, Community(device, credential)),
            "v3" => new SnmpTarget(endpoint, SnmpVersion.V3) { Credentials = Usm(device, snmp.Credential, credential), ContextName = snmp.Context },
            _ => new SnmpTarget(endpoint, SnmpVersion.V2c, Community(device, credential)),
        };

        return profile is null ? target : target with
        {
            Timeout = profile.Timeout,
            MaxRepetitions = profile.MaxRepetitions,
            Pacing = profile.Pacing,
        };
    }

    private static string Community(DeviceEntry device, SnmpCredential credential) =>
        credential.Community ?? throw new InvalidOperationException($"device {device.Id}: its v1/v2c credential has no Community");

    private static UsmCredentials Usm(DeviceEntry device, string name, SnmpCredential credential)
    {
        if (credential.User is not { Length: > 0 } user)
        {
            throw new InvalidOperationException($"device {device.Id}: its v3 credential '{name}' has no User");
        }

        var usm = new UsmCredentials(
            user,
            UsmProtocolNames.Auth(credential.AuthProtocol, device.Id),
            credential.AuthPassword,
            UsmProtocolNames.Priv(credential.PrivProtocol, device.Id),
            credential.PrivPassword);
        var problems = usm.Validate();
        return problems.Count == 0
            ? usm
            : throw new InvalidOperationException($"device {device.Id}: v3 credential '{name}': {string.Join("; ", problems)}");
    }
}
