namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>Telemetry held in memory (tests, the benchmark, dry runs). Samples may be added late, as spooled data arrives.</summary>
public sealed class InMemoryMeasurementSource : IMeasurementSource
{
    private readonly Dictionary<string, (List<ProbeSample> Probes, List<DeviceHeartbeat> Heartbeats)> _bySchool = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public void AddProbe(string school, ProbeSample sample)
    {
        lock (_lock)
        {
            Entry(school).Probes.Add(sample);
        }
    }

    public void AddHeartbeat(string school, DeviceHeartbeat heartbeat)
    {
        lock (_lock)
        {
            Entry(school).Heartbeats.Add(heartbeat);
        }
    }

    public Task<MeasurementSet> GetAsync(string county, DateTimeOffset start, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, SiteMeasurements>(StringComparer.Ordinal);
        lock (_lock)
        {
            foreach (var (school, entry) in _bySchool)
            {
                var probes = entry.Probes.Where(p => p.Time >= start && p.Time <= until).OrderBy(p => p.Time).ToList();
                var beats = entry.Heartbeats.Where(h => h.Time >= start && h.Time <= until).OrderBy(h => h.Time).ToList();
                result[school] = new SiteMeasurements(probes, beats);
            }
        }

        return Task.FromResult(new MeasurementSet(start, until, result));
    }

    private (List<ProbeSample> Probes, List<DeviceHeartbeat> Heartbeats) Entry(string school)
    {
        if (!_bySchool.TryGetValue(school, out var entry))
        {
            entry = ([], []);
            _bySchool[school] = entry;
        }

        return entry;
    }
}
