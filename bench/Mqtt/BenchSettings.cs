using System.Globalization;

namespace ClassroomFleet.Bench.Mqtt;

/// <summary>Command line: --messages N (default 100000), --size BYTES (default 80), --inflight N (default 64), --latency N (default 2000).</summary>
internal sealed record BenchSettings(int Messages, int Size, int Inflight, int LatencySamples)
{
    public static BenchSettings Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new BenchSettings(Get("--messages", 100_000), Get("--size", 80), Get("--inflight", 64), Get("--latency", 2000));
    }
}
