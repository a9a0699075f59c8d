namespace ClassroomFleet.Sensors;

/// <summary>What <see cref="SensorDiscovery.DiscoverAsync"/> found, and what it could not look at (a bus or device folder that failed to list or read).</summary>
public sealed record SensorDiscoveryResult(IReadOnlyList<ISensorReader> Readers, IReadOnlyList<SensorFault> Faults);
