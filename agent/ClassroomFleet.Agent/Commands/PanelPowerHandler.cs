using ClassroomFleet.Agent.Devices.Panel.PjLink;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Commands;

/// <summary><c>pjlink_power_on</c> / <c>pjlink_power_off</c>: <c>%1POWR 1</c> or <c>0</c> to the device's PJLink port.</summary>
public sealed class PanelPowerHandler(bool on, SchoolFileProvider schools, DeviceProfileCatalog profiles, DeviceCredentials credentials) : ICommandHandler
{
    public string Type => on ? CommandTypes.PanelPowerOn : CommandTypes.PanelPowerOff;

    public async Task<CommandOutcome> HandleAsync(CommandMessage command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var device = schools.Current?.Devices.FirstOrDefault(d => d.Id == command.Device);
        if (device?.Pjlink is not { } pjlink)
        {
            return CommandOutcome.Failed($"no PJLink device '{command.Device}' in the school file in force");
        }

        if (!DeviceAddress.TryParse(device.Address, pjlink.Port ?? PjLinkSession.DefaultPort, out var address))
        {
            return CommandOutcome.Failed($"device {device.Id}: address '{device.Address}' is not host or host:port");
        }

        var port = pjlink.Port ?? address.Port;
        try
        {
            await using var session = await PjLinkSession.ConnectAsync(address.Host, port, credentials.Find(pjlink.Credential, device.Id)?.Password, profiles.Resolve(device).Timeout, cancellationToken).ConfigureAwait(false);
            var reply = await session.SendAsync(1, "POWR", on ? "1" : "0", cancellationToken).ConfigureAwait(false);
            return reply.Error == PjLinkError.None
                ? CommandOutcome.Succeeded(new Dictionary<string, string> { ["reply"] = reply.Value })
                : CommandOutcome.Failed($"the device answered {reply.Error} to POWR {(on ? 1 : 0)}");
        }
        catch (PjLinkException ex)
        {
            return CommandOutcome.Failed(ex.Message);
        }
        catch (IOException ex)
        {
            return CommandOutcome.Failed($"{address.Host}:{port}: {ex.Message}");
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            return CommandOutcome.Failed($"{address.Host}:{port}: {ex.Message}");
        }
    }
}
