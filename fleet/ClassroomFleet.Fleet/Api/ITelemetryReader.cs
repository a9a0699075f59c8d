namespace ClassroomFleet.Fleet.Api;

/// <summary>The latest telemetry of a school, read from InfluxDB for the API and the web view.</summary>
public interface ITelemetryReader
{
    /// <summary>The last <c>device</c> point of each device of the school within the last 30 days, by device id.</summary>
    Task<IReadOnlyDictionary<string, DeviceHealth>> GetDeviceHealthAsync(string school, CancellationToken cancellationToken = default);

    /// <summary>Each uplink port of the school over the last <paramref name="window"/>.</summary>
    Task<IReadOnlyList<UplinkFigures>> GetUplinkAsync(string school, TimeSpan window, CancellationToken cancellationToken = default);
}
