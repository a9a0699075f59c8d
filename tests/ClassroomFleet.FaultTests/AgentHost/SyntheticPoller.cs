using System.Globalization;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.FaultTests.AgentHost;

/// <summary>
/// Stands in for a device (kind <c>cabinet</c>, which no poller of this host serves otherwise): every poll yields one
/// <c>synthetic</c> point whose field <c>n</c> is unique across the runs of a test (CF_FAULT_RUN × 10⁶ + a counter).
/// </summary>
internal sealed class SyntheticPoller(TimeProvider time) : IDevicePoller
{
    private readonly long _base = long.Parse(Environment.GetEnvironmentVariable("CF_FAULT_RUN") ?? "0", CultureInfo.InvariantCulture) * 1_000_000;
    private long _counter;

    public string Kind => "cabinet";

    public Task<IReadOnlyList<TelemetryPoint>> PollAsync(DeviceEntry device, CancellationToken cancellationToken = default)
    {
        var n = _base + Interlocked.Increment(ref _counter);
        IReadOnlyList<TelemetryPoint> points =
        [
            new TelemetryPoint
            {
                Measurement = "synthetic",
                TimestampNs = UnixNanos.From(time.GetUtcNow()),
                Integers = new Dictionary<string, long> { ["n"] = n },
            },
        ];
        return Task.FromResult(points);
    }
}
