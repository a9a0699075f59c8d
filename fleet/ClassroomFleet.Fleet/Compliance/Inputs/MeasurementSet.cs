namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>The telemetry of a county for one window, by school tag.</summary>
public sealed class MeasurementSet
{
    private readonly IReadOnlyDictionary<string, SiteMeasurements> _bySchool;

    public MeasurementSet(DateTimeOffset from, DateTimeOffset to, IReadOnlyDictionary<string, SiteMeasurements> bySchool)
    {
        From = from;
        To = to;
        _bySchool = bySchool;
    }

    public DateTimeOffset From { get; }

    public DateTimeOffset To { get; }

    public SiteMeasurements For(string school) => _bySchool.TryGetValue(school, out var m) ? m : SiteMeasurements.Empty;
}
