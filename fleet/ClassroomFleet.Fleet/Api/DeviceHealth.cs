namespace ClassroomFleet.Fleet.Api;

/// <summary>The last <c>device</c> point of a device in InfluxDB: whether its poll succeeded, how long it took, why it failed.</summary>
public sealed record DeviceHealth(bool? Up, double? PollMs, string? Error, DateTimeOffset Time);
