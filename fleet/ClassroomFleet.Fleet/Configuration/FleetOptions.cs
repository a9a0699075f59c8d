namespace ClassroomFleet.Fleet.Configuration;

/// <summary>
/// The fleet's ingest settings (section <c>Fleet</c>):
/// <code>
/// "Fleet": { "SharedGroup": "fleet", "WriteRetryMaxDelay": "00:00:30" }
/// </code>
/// </summary>
public sealed class FleetOptions
{
    public const string SectionName = "Fleet";

    /// <summary>The shared-subscription group: instances in one group split the telemetry stream between them.</summary>
    public string SharedGroup { get; set; } = "fleet";

    /// <summary>The longest wait between two attempts to write to InfluxDB while it is unreachable.</summary>
    public TimeSpan WriteRetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);
}
