using System.Diagnostics;

namespace ClassroomFleet.Bench.Ingest;

/// <summary>The CPU time so far of each process of a run (influxd, mosquitto, the fleet, this bench), read from the kernel.</summary>
internal sealed class CpuMeter(IReadOnlyDictionary<string, int> processes)
{
    public const string Bench = "bench";

    public CpuReading Read()
    {
        var times = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var (name, pid) in processes)
        {
            using var process = Process.GetProcessById(pid);
            times[name] = process.TotalProcessorTime;
        }

        using var self = Process.GetCurrentProcess();
        times[Bench] = self.TotalProcessorTime;
        return new CpuReading(times);
    }
}

/// <summary>CPU time by process name at one instant; the difference of two readings is what a phase used.</summary>
internal sealed record CpuReading(IReadOnlyDictionary<string, TimeSpan> Times)
{
    public CpuReading Since(CpuReading earlier) =>
        new(Times.ToDictionary(t => t.Key, t => t.Value - earlier.Times.GetValueOrDefault(t.Key), StringComparer.Ordinal));

    public TimeSpan Of(string name) => Times.GetValueOrDefault(name);

    /// <summary>All the measured processes together.</summary>
    public TimeSpan Total => Times.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t);

    /// <summary>"influxd 6.1 s (9.4 µs/point), …": each process's CPU over the phase and per point.</summary>
    public string Describe(long points) => string.Join(", ", Times.Select(t =>
        $"{t.Key} {t.Value.TotalSeconds:N1} s ({t.Value.TotalMicroseconds / points:N1} µs/point)"));
}
