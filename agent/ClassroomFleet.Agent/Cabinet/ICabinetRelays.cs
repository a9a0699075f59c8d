namespace ClassroomFleet.Agent.Cabinet;

/// <summary>Power-cycles devices wired through the cabinet's relay board; the entry point of fleet commands.</summary>
public interface ICabinetRelays
{
    /// <summary>The devices a relay switches on this gateway.</summary>
    IReadOnlyCollection<string> Devices { get; }

    /// <summary>
    /// Cuts the device's power, keeps it off for <c>Cabinet:Relays:MinimumOffTime</c> and restores it, unless the interlock
    /// refuses. <paramref name="force"/> lifts only the protection of the gateway's own uplink. Cancelling before the cut
    /// throws <see cref="OperationCanceledException"/>; once power is cut, the cycle runs to the end so that a device is
    /// never left off nor switched back on too early.
    /// </summary>
    Task<PowerCycleResult> PowerCycleAsync(string deviceId, bool force, CancellationToken cancellationToken = default);
}
