using ClassroomFleet.Contracts;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Polling;

/// <summary>
/// The <c>device</c> point every poll yields: reachable or not (<c>up</c>, bool, for panels and tables; <c>available</c>,
/// the same as 1 or 0, because Grafana's alert expressions and InfluxQL's mean() and sum() take numbers only), how long
/// the poll took, and why it failed.
/// </summary>
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
            Integers = new Dictionary<string, long> { ["available"] = error is null ? 1 : 0 },
            Strings = error is null ? null : new Dictionary<string, string> { ["error"] = error },
        };
    }
}
