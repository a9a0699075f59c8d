namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>Telemetry a rule needs: capacity probes and device heartbeats of a county's schools between two instants.</summary>
public interface IMeasurementSource
{
    /// <summary>Samples whose sample time lies in [<paramref name="start"/>, <paramref name="until"/>], whenever they arrived.</summary>
    Task<MeasurementSet> GetAsync(string county, DateTimeOffset start, DateTimeOffset until, CancellationToken cancellationToken = default);
}
