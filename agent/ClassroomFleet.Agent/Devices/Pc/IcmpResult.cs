namespace ClassroomFleet.Agent.Devices.Pc;

/// <summary>One echo: reached or not, the round trip in milliseconds, and why not (TimedOut, DestinationHostUnreachable…).</summary>
public readonly record struct IcmpResult(bool Reachable, double? RoundTripMs, string? Failure);
