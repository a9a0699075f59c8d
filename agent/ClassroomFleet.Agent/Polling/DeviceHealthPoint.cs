using ClassroomFleet.Contracts;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Polling;

/// <summary>The <c>device</c> point every poll yields: reachable or not, how long the poll took, and why it failed.</summary>
public static class DeviceHealthPoint
{
    public static TelemetryPoint Create(string kind, string? room, long timestampNs, TimeSpan duration, string? error)
    {
        var tags = new Dictionary<string, string>(2) { [TagKeys.Kind] = kind };
        if (room is not null)
        {
            tags[TagKeys.Room] = room;
        }

        return new TelemetryPoint
        {
            Measurement = Measurements.Device,
            TimestampNs = timestampNs,
            Tags = tags,
            Floats = new Dictionary<string, double> { ["poll_ms"] = Math.Round(duration.TotalMilliseconds, 3) },
            Booleans = new Dictionary<string, bool> { ["up"] = error is null },
            Strings = error is null ? null : new Dictionary<string, string> { ["error"] = error },
        };
    }
}
