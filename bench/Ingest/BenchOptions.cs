using System.Globalization;
using System.Reflection;
using ClassroomFleet.Influx.Writing;

namespace ClassroomFleet.Bench.Ingest;

/// <summary>Command-line options of the ingest benchmark.</summary>
internal sealed record BenchOptions(int Agents, int Rounds, int PointsPerBatch, int RawWrites, double SoakMinutes, double WarmupMinutes, Generator Generator, string FleetDll, IReadOnlyDictionary<string, string> FleetEnvironment)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        double Double(string name, double fallback) => Value(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var built = typeof(BenchOptions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "FleetDll")?.Value;
        var dll = Value("--fleet-dll") ?? built ?? throw new InvalidOperationException("--fleet-dll is required");
        var soak = Double("--soak-minutes", 0);
        // Warm-up: JIT, connection pools, the GC finding its budget. A fifth of a short soak, at most 2 minutes.
        var warmup = Double("--warmup-minutes", Math.Min(2, soak / 5));
        var generator = Value("--generator") switch
        {
            null or "lean" => Generator.Lean,
            "transport" => Generator.Transport,
            var other => throw new ArgumentException($"--generator is lean or transport, not {other}"),
        };
        // --fleet-env KEY=VALUE (repeatable): for the fleet's process only, e.g. runtime settings such as DOTNET_gcServer=0.
        var environment = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == "--fleet-env")
            {
                var pair = args[i + 1].Split('=', 2);
                environment[pair[0]] = pair.Length == 2 && pair[0].Length > 0 ? pair[1] : throw new ArgumentException($"--fleet-env takes KEY=VALUE, not {args[i + 1]}");
            }
        }

        // The raw write sends as many batches at a time as the fleet's writer does by default, so that it stays the limit.
        var rawWrites = Int("--raw-writes", new InfluxBatchWriterOptions().MaxConcurrentWrites);
        if (rawWrites < 1)
        {
            throw new ArgumentException($"--raw-writes must be at least 1, not {rawWrites}");
        }

        return new BenchOptions(Int("--agents", 100), Int("--rounds", 50), Int("--points", 20), rawWrites, soak, warmup, generator, dll, environment);
    }
}
