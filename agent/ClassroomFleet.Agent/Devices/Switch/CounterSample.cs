namespace ClassroomFleet.Agent.Devices.Switch;

/// <summary>
/// One reading of an interface octet counter, with what is needed to trust the difference to the next one:
/// when it was taken (agent monotonic clock), the device's sysUpTime and snmpEngineBoots (where it has one) and the
/// interface's ifCounterDiscontinuityTime.
/// </summary>
public readonly record struct CounterSample(ulong Octets, TimeSpan TakenAt, uint SysUpTimeTicks, uint DiscontinuityTicks, uint? EngineBoots = null);
