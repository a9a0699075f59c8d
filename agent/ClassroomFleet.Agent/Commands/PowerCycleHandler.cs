using ClassroomFleet.Agent.Cabinet;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Commands;

/// <summary><c>power_cycle</c>: cuts and restores a device's power through the cabinet relay, within the interlock (<c>args.force</c> passes the uplink rule).</summary>
public sealed class PowerCycleHandler(ICabinetRelays relays) : ICommandHandler
{
    public string Type => CommandTypes.PowerCycle;

    public async Task<CommandOutcome> HandleAsync(CommandMessage command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrEmpty(command.Device))
        {
            return CommandOutcome.Failed("power_cycle needs a device");
        }

        var force = command.Args is not null && command.Args.TryGetValue("force", out var text) && string.Equals(text, "true", StringComparison.OrdinalIgnoreCase);
        return await relays.PowerCycleAsync(command.Device, force, cancellationToken).ConfigureAwait(false) switch
        {
            PowerCycleDone done => CommandOutcome.Succeeded(new Dictionary<string, string> { ["cut_at"] = done.CutAt.ToString("O"), ["restored_at"] = done.RestoredAt.ToString("O") }),
            PowerCycleRefused refused => CommandOutcome.Failed($"refused by the interlock: {refused.Reason}"),
            PowerCycleNoRelay => CommandOutcome.Unsupported($"no cabinet relay switches '{command.Device}' on this gateway"),
            PowerCycleHardwareError error => CommandOutcome.Failed(error.PowerLeftOff ? $"GPIO failed and the device may still be off: {error.Message}" : $"GPIO failed: {error.Message}"),
            _ => CommandOutcome.Failed("unknown power-cycle result"),
        };
    }
}
