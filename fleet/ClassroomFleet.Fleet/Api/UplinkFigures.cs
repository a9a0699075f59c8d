namespace ClassroomFleet.Fleet.Api;

/// <summary>
/// Bandwidth of one uplink port over a window, in bit/s, from the <c>uplink</c> measurement: the last sample and the mean
/// and peak of the window. Null where the window holds no sample.
/// </summary>
public sealed record UplinkFigures(
    string Interface, double? InBpsLast, double? OutBpsLast, DateTimeOffset? LastTime,
    double? InBpsMean, double? OutBpsMean, double? InBpsMax, double? OutBpsMax, double? CapacityMbps);
