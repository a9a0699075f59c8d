using System.Threading;
using ClassroomFleet.Agent.Devices.Panel.PjLink;
using ClassroomFleet.Agent.Devices.Pc;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.Devices.Recorder;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Snmp;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Devices.Panel;

/// <summary>
/// Polls an interactive panel or projector: ICMP reachability, PJLink class 1/2 status (when the device has
/// <c>pjlink</c> settings) and HOST-RESOURCES of a built-in PC (when it has <c>host_resources</c>). One <c>panel</c>
/// point per poll. A PJLink failure (refused connection, refused password, garbage reply) fails the poll with a typed
/// error; a HOST-RESOURCES failure only leaves its fields out, since the panel itself answered.
/// </summary>
public sealed class PanelPoller(
    string kind,
    DeviceProfileCatalog profiles,
    DeviceCredentials credentials,
    HostResourcesReader hostResources,
    TimeProvider time,
    ILogger<PanelPoller> logger) : IDevicePoller
{
    public const string Measurement = "panel";

    private long _malformedReplies;
    private long _authenticationFailures;

    public string Kind => kind;

    /// <summary>Replies rejected as not PJLink since start.</summary>
    public long MalformedReplies => Interlocked.Read(ref _malformedReplies);

    public long AuthenticationFailures => Interlocked.Read(ref _authenticationFailures);

    public async Task<IReadOnlyList<TelemetryPoint>> PollAsync(DeviceEntry device, CancellationToken cancellationToken = default)
    {
        var profile = profiles.Resolve(device);
        var fields = new PanelFields();
        if (!DeviceAddress.TryParse(device.Address, device.Pjlink?.Port ?? PjLinkSession.DefaultPort, out var address))
        {
            throw new InvalidOperationException($"device {device.Id}: address '{device.Address}' is not host or host:port");
        }

        IcmpResult? echo = null;
        if (device.Icmp != false)
        {
            echo = await IcmpProbe.PingAsync(address.Host, profile.IcmpTimeout, cancellationToken).ConfigureAwait(false);
            fields.AddEcho(echo.Value);
        }

        if (device.Pjlink is { } pjlink)
        {
            var port = pjlink.Port ?? (device.Address.Contains(':', StringComparison.Ordinal) ? address.Port : PjLinkSession.DefaultPort);
            var status = await ReadPjLinkAsync(device, address.Host, port, pjlink, profile, echo, cancellationToken).ConfigureAwait(false);
            fields.AddPjLink(status);
            if (fields.Strings.TryGetValue("failed_commands", out var failed))
            {
                logger.CommandsFailed(device.Id, failed);
            }
        }
        else if (echo is { Reachable: false } missed)
        {
            throw new InvalidOperationException($"no ICMP echo reply ({missed.Failure})");
        }

        if (device.HostResources is not null)
        {
            await AddHostResourcesAsync(device, profile, fields, cancellationToken).ConfigureAwait(false);
        }

        return [fields.ToPoint(Measurement, UnixNanos.From(time.GetUtcNow()))];
    }

    private async Task<PjLinkStatus> ReadPjLinkAsync(
        DeviceEntry device, string host, int port, PjLinkEntry settings, DeviceProfile profile, IcmpResult? echo, CancellationToken cancellationToken)
    {
        var password = credentials.Find(settings.Credential, device.Id)?.Password;
        try
        {
            await using var session = await PjLinkSession.ConnectAsync(host, port, password, profile.Timeout, cancellationToken).ConfigureAwait(false);
            return await PjLinkStatusReader.ReadAsync(session, profile.PjLinkCommands, profile.Pacing, time, cancellationToken).ConfigureAwait(false);
        }
        catch (PjLinkAuthenticationException ex)
        {
            Interlocked.Increment(ref _authenticationFailures);
            logger.AuthenticationFailed(device.Id, ex.Message);
            throw;
        }
        catch (PjLinkProtocolException ex)
        {
            Interlocked.Increment(ref _malformedReplies);
            logger.MalformedReply(device.Id, ex.Message);
            throw;
        }
        catch (PjLinkException ex) when (echo is { Reachable: false })
        {
            throw new PjLinkException($"{ex.Message}; no ICMP echo reply either ({echo.Value.Failure})", ex);
        }
    }

    private async Task AddHostResourcesAsync(DeviceEntry device, DeviceProfile profile, PanelFields fields, CancellationToken cancellationToken)
    {
        try
        {
            var resources = await hostResources.ReadAsync(device, profile, cancellationToken).ConfigureAwait(false);
            fields.AddHostResources(resources);
        }
        catch (SnmpException ex)
        {
            logger.HostResourcesFailed(device.Id, ex.Message);
            fields.Strings["host_resources_error"] = ex.Message;
        }
    }
}
