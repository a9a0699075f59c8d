using System.Globalization;
using ClassroomFleet.Agent.Devices.Uplink.Iperf3;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Commands;

/// <summary>
/// <c>probe_bandwidth</c>: runs the school's iperf3 probes now, outside their windows, and answers with the measured
/// rates (bits per second, per probe device and direction). HTTP probes are left to their schedule.
/// </summary>
public sealed class ProbeBandwidthHandler(SchoolFileProvider schools) : ICommandHandler
{
    public string Type => CommandTypes.ProbeBandwidth;

    public async Task<CommandOutcome> HandleAsync(CommandMessage command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var probes = (schools.Current?.Devices ?? [])
            .Where(d => d.Probe is { Method: "iperf3" } && (command.Device is null || d.Id == command.Device))
            .ToList();
        if (probes.Count == 0)
        {
            return CommandOutcome.Failed("no iperf3 probe in the school file in force");
        }

        var output = new Dictionary<string, string>();
        var failures = new List<string>();
        foreach (var device in probes)
        {
            var probe = device.Probe!;
            if (!DeviceAddress.TryParse(probe.Server, 5201, out var server) || !DurationText.TryParse(probe.Duration, out var duration))
            {
                failures.Add($"{device.Id}: server '{probe.Server}' or duration '{probe.Duration}' is malformed");
                continue;
            }

            foreach (var reverse in Directions(probe.Direction))
            {
                var key = $"{device.Id}.{(reverse ? "down" : "up")}_bps";
                try
                {
                    var result = await Iperf3Client.RunAsync(server.Host, server.Port, new Iperf3Request(probe.Streams, duration, reverse), cancellationToken).ConfigureAwait(false);
                    output[key] = result.BitsPerSecond.ToString("F0", CultureInfo.InvariantCulture);
                }
                catch (Exception ex) when (ex is Iperf3Exception or IOException or System.Net.Sockets.SocketException)
                {
                    failures.Add($"{key}: {ex.Message}");
                }
            }
        }

        return failures.Count == 0 ? CommandOutcome.Succeeded(output) : new CommandOutcome(CommandState.Failed, string.Join("; ", failures), output);
    }

    private static bool[] Directions(string direction) => direction switch
    {
        "down" => [true],
        "up" => [false],
        _ => [true, false],
    };
}
