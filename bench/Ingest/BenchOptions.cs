using System.Globalization;

namespace ClassroomFleet.Bench.Ingest;

/// <summary>Command-line options of the ingest benchmark.</summary>
internal sealed record BenchOptions(int Agents, int Rounds, int PointsPerBatch, int SoakMinutes, string FleetDll)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var root = AppContext.BaseDirectory;
        var dll = Value("--fleet-dll") ?? Path.GetFullPath(Path.Combine(root, "../../../../../fleet/ClassroomFleet.Fleet/bin/Release/net10.0/classroomfleet-fleet.dll"));
        return new BenchOptions(Int("--agents", 100), Int("--rounds", 50), Int("--points", 20), Int("--soak-minutes", 0), dll);
    }
}
