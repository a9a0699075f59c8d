namespace ClassroomFleet.Agent.Devices.Switch;

/// <summary>One row of the switch's interface table as the poller reads it.</summary>
internal readonly record struct PortReading(string Name, ulong InOctets, ulong OutOctets, long SpeedMbps, bool OperUp, uint DiscontinuityTicks);
