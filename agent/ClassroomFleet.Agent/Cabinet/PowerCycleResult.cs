namespace ClassroomFleet.Agent.Cabinet;

/// <summary>The outcome of <see cref="ICabinetRelays.PowerCycleAsync"/>: one of the four records below.</summary>
public abstract record PowerCycleResult(string Device);

/// <summary>Power was cut, held off for the minimum off time, and restored.</summary>
public sealed record PowerCycleDone(string Device, DateTimeOffset CutAt, DateTimeOffset RestoredAt) : PowerCycleResult(Device);

/// <summary>The interlock refused: uplink without force, a cycle in progress, too many cycles, or too soon after the last.</summary>
public sealed record PowerCycleRefused(string Device, string Reason) : PowerCycleResult(Device);

/// <summary>No relay of this gateway's pin map switches that device.</summary>
public sealed record PowerCycleNoRelay(string Device) : PowerCycleResult(Device);

/// <summary>GPIO is unavailable, or writing the line failed. <see cref="PowerLeftOff"/> says the device may still be off.</summary>
public sealed record PowerCycleHardwareError(string Device, string Message, bool PowerLeftOff) : PowerCycleResult(Device);
