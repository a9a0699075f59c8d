using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Polling;

/// <summary>Polls one kind of device once. A poller keeps per-device state (previous counters) between polls.</summary>
public interface IDevicePoller
{
    /// <summary>The device kind of the school file this poller serves (<c>switch</c>, <c>panel</c>, …).</summary>
    string Kind { get; }

    /// <summary>Polls the device; throws on failure (the scheduler records the error for the device).</summary>
    Task<IReadOnlyList<TelemetryPoint>> PollAsync(DeviceEntry device, CancellationToken cancellationToken = default);
}
