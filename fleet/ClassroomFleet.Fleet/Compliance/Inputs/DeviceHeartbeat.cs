namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>A device poll result from the <c>device</c> measurement: the device answered (<paramref name="Up"/>) or not.</summary>
public sealed record DeviceHeartbeat(DateTimeOffset Time, string Device, bool Up);
