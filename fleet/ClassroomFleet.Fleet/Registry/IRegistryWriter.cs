namespace ClassroomFleet.Fleet.Registry;

/// <summary>What the ingest tells the registry about each stored telemetry batch.</summary>
public interface IRegistryWriter
{
    /// <summary>
    /// Notes that <paramref name="device"/> of <paramref name="school"/> sent telemetry at <paramref name="time"/> through
    /// <paramref name="agent"/>. Cheap: held in memory (one entry per device, latest time wins) and written every
    /// <see cref="RegistryOptions.SeenFlushInterval"/>; never waits for the database.
    /// </summary>
    ValueTask RecordTelemetrySeenAsync(string county, string school, string device, string kind, string agent, DateTimeOffset time, CancellationToken cancellationToken = default);
}
