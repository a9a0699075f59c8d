namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>
/// One successful active capacity test (iperf3 or HTTP), by its sample time (not its arrival time), in Mbit/s.
/// <paramref name="LinkSpeedMbps"/> is the probe host's own link speed, when the agent reported it.
/// </summary>
public sealed record ProbeSample(DateTimeOffset Time, string Device, string Method, double? DownMbps, double? UpMbps, double? LinkSpeedMbps);
