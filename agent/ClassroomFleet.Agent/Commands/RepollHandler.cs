using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.Publishing;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Commands;

/// <summary><c>repoll</c>: polls one device now, outside its schedule, and sends the points as any poll's.</summary>
public sealed class RepollHandler(
    SchoolFileProvider schools,
    IEnumerable<IDevicePoller> pollers,
    DevicePollRunner runner,
    ITelemetrySink sink,
    IOptions<AgentOptions> options) : ICommandHandler
{
    public string Type => CommandTypes.Repoll;

    public async Task<CommandOutcome> HandleAsync(CommandMessage command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var device = schools.Current?.Devices.FirstOrDefault(d => d.Id == command.Device);
        if (device is null)
        {
            return CommandOutcome.Failed($"no device '{command.Device}' in the school file in force");
        }

        var poller = pollers.FirstOrDefault(p => p.Kind == device.Kind);
        if (poller is null)
        {
            return CommandOutcome.Unsupported($"this agent has no poller for kind '{device.Kind}'");
        }

        var outcome = await runner.PollOnceAsync(poller, device, options.Value.DeviceBudget, cancellationToken).ConfigureAwait(false);
        await sink.EnqueueAsync(outcome, cancellationToken).ConfigureAwait(false);
        var output = new Dictionary<string, string>
        {
            ["points"] = outcome.Points.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["duration_ms"] = ((long)outcome.Duration.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return outcome.Error is null ? CommandOutcome.Succeeded(output) : new CommandOutcome(CommandState.Failed, outcome.Error, output);
    }
}
