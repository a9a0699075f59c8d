using ClassroomFleet.Agent.Cabinet;

namespace ClassroomFleet.Agent.Tests.Commands;

/// <summary>An <see cref="ICabinetRelays"/> that answers what the test sets and records each request.</summary>
public sealed class FakeCabinetRelays : ICabinetRelays
{
    public PowerCycleResult? Result { get; set; }

    public List<(string Device, bool Force, CancellationToken Token)> Calls { get; } = [];

    public IReadOnlyCollection<string> Devices => ["rec-1"];

    public Task<PowerCycleResult> PowerCycleAsync(string deviceId, bool force, CancellationToken cancellationToken = default)
    {
        Calls.Add((deviceId, force, cancellationToken));
        return Task.FromResult(Result ?? new PowerCycleNoRelay(deviceId));
    }
}
