namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>
/// Facts-only audits (fleetctl without InfluxDB): reads no telemetry, so the rules that need it are UNKNOWN with reason
/// NO_TELEMETRY and the inventory and register rules are judged as usual.
/// </summary>
public sealed class NoTelemetrySource : IMeasurementSource
{
    public Task<MeasurementSet> GetAsync(string county, DateTimeOffset start, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        Task.FromResult(MeasurementSet.NotRead(start, until));
}
