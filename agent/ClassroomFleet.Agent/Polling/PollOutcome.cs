using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Polling;

/// <summary>What one poll of one device produced: its points, or the error, and how long it took.</summary>
public sealed record PollOutcome(string Device, string Kind, IReadOnlyList<TelemetryPoint> Points, TimeSpan Duration, string? Error);
