namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>
/// The telemetry of a county for one window, by school tag. <see cref="Available"/> is false when no telemetry source
/// was read at all (the command line without InfluxDB): then a rule that needs telemetry is UNKNOWN (NO_TELEMETRY),
/// never judged as if the agents had been silent.
/// </summary>
public sealed class MeasurementSet
{
    private readonly IReadOnlyDictionary<string, SiteMeasurements> _bySchool;

    public MeasurementSet(DateTimeOffset from, DateTimeOffset to, IReadOnlyDictionary<string, SiteMeasurements> bySchool, bool available = true)
    {
        From = from;
        To = to;
        _bySchool = bySchool;
        Available = available;
    }

    public static MeasurementSet NotRead(DateTimeOffset from, DateTimeOffset to) => new(from, to, new Dictionary<string, SiteMeasurements>(), available: false);

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    public bool Available { get; }

    public SiteMeasurements For(string school) => _bySchool.TryGetValue(school, out var m) ? m : SiteMeasurements.Empty;
}
