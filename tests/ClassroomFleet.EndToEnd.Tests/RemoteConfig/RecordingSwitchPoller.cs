using System.Collections.Concurrent;
using System.Diagnostics;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.EndToEnd.Tests.RemoteConfig;

/// <summary>Stands in for the SNMP switch poller: records each poll with the interval the school file in force gives the device.</summary>
internal sealed class RecordingSwitchPoller : IDevicePoller
{
    private readonly ConcurrentQueue<SwitchPoll> _polls = new();

    public string Kind => "switch";

    public IReadOnlyList<SwitchPoll> Polls => [.. _polls];

    public Task<IReadOnlyList<TelemetryPoint>> PollAsync(DeviceEntry device, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(device);
        _polls.Enqueue(new SwitchPoll(device.Id, device.Interval, Stopwatch.GetTimestamp()));
        IReadOnlyList<TelemetryPoint> points =
        [
            new TelemetryPoint { Measurement = "interface", TimestampNs = UnixNanos.From(DateTimeOffset.UtcNow), Integers = new Dictionary<string, long> { ["in_octets"] = _polls.Count } },
        ];
        return Task.FromResult(points);
    }
}

/// <summary>One recorded poll: the device, its interval in the school file in force, and when (a <see cref="Stopwatch"/> timestamp).</summary>
internal sealed record SwitchPoll(string Device, string? Interval, long At);
