using System.Diagnostics;
using System.Globalization;
using ClassroomFleet.Snmp;

namespace ClassroomFleet.Bench.Snmp;

/// <summary>
/// IF-MIB walk (ifTable + ifXTable) of N simulated 48-port switches: our client against net-snmp's snmpbulkwalk,
/// same agents, same max-repetitions, client pinned to one CPU and snmpsim to another. Prints a Markdown table.
/// </summary>
internal static class SnmpWalkBenchmark
{
    private static readonly Oid[] Roots = [Oid.Parse("1.3.6.1.2.1.2.2"), Oid.Parse("1.3.6.1.2.1.31.1.1")];

    public static async Task<int> RunAsync(BenchSettings settings)
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("This benchmark needs Linux (taskset, /proc, snmpsim on 127.0.1.x).");
            return 2;
        }

        Process.GetCurrentProcess().ProcessorAffinity = 1 << settings.ClientCpu;
        var recording = FindRecording();
        Console.WriteLine($"# IF-MIB walk benchmark ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} CPUs, .NET {Environment.Version})");
        Console.WriteLine($"recording: {recording}; max-repetitions {settings.MaxRepetitions}; median of {settings.Rounds} rounds; client on CPU {settings.ClientCpu}, snmpsim on CPU {settings.AgentCpu}");
        Console.WriteLine();
        var perSwitch = ExpectedOids(recording);
        Console.WriteLine($"expected: {perSwitch} OIDs per switch (the recording's instances under ifTable and ifXTable)");
        Console.WriteLine();
        Console.WriteLine("| switches | client | OIDs | wall (s) | OIDs/s | client CPU (s) | snmpsim CPU (s) |");
        Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|");
        await using var client = new SnmpClient(new SnmpClientOptions());
        var wrongCounts = new List<string>();
        foreach (var count in settings.Switches)
        {
            await using var farm = await SnmpsimFarm.StartAsync(recording, count, settings.Port, settings.AgentCpu).ConfigureAwait(false);
            // Warm-up: JIT, snmpsim's caches, the kernel's neighbour tables for every address.
            await OurClientRun.RunAsync(client, farm.Endpoints, Roots, settings.MaxRepetitions, farm.Pid).ConfigureAwait(false);
            await NetSnmpRun.RunAsync(parallel: true, farm.Endpoints, Roots, settings.MaxRepetitions, settings.ClientCpu, farm.Pid).ConfigureAwait(false);

            var runs = new Dictionary<string, List<Measurement>>();
            for (var round = 0; round < settings.Rounds; round++)
            {
                Add(runs, await OurClientRun.RunAsync(client, farm.Endpoints, Roots, settings.MaxRepetitions, farm.Pid).ConfigureAwait(false));
                Add(runs, await NetSnmpRun.RunAsync(parallel: false, farm.Endpoints, Roots, settings.MaxRepetitions, settings.ClientCpu, farm.Pid).ConfigureAwait(false));
                Add(runs, await NetSnmpRun.RunAsync(parallel: true, farm.Endpoints, Roots, settings.MaxRepetitions, settings.ClientCpu, farm.Pid).ConfigureAwait(false));
            }

            foreach (var measurement in runs.Values.SelectMany(m => m).Where(m => m.Oids != perSwitch * count))
            {
                wrongCounts.Add($"{measurement.Client} walked {measurement.Oids} OIDs of {count} switch(es); expected {perSwitch * count}");
            }

            foreach (var (_, measurements) in runs)
            {
                var median = measurements.OrderBy(m => m.Wall).ElementAt(measurements.Count / 2);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"| {median.Switches} | {median.Client} | {median.Oids} | {median.Wall.TotalSeconds:0.000} | {median.OidsPerSecond:0} | {median.ClientCpu.TotalSeconds:0.00} | {median.AgentCpu.TotalSeconds:0.00} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"client statistics: sent {client.Statistics.RequestsSent}, retransmissions {client.Statistics.Retransmissions}, timeouts {client.Statistics.Timeouts}");
        foreach (var problem in wrongCounts)
        {
            Console.Error.WriteLine($"error: {problem}");
        }

        // A run that did not fetch everything is not a measurement: fail loudly rather than print a fast, wrong figure.
        return wrongCounts.Count == 0 ? 0 : 1;
    }

    private static void Add(Dictionary<string, List<Measurement>> runs, Measurement measurement)
    {
        if (!runs.TryGetValue(measurement.Client, out var list))
        {
            runs[measurement.Client] = list = [];
        }

        list.Add(measurement);
    }

    /// <summary>Instances in the recording under any walked root: what each client must fetch from each switch.</summary>
    private static int ExpectedOids(string recording) =>
        File.ReadLines(recording)
            .Select(line => line.Split('|', 2)[0])
            .Count(oid => Oid.TryParse(oid, out var parsed) && Roots.Any(root => parsed.StartsWith(root) && parsed.Length > root.Length));

    /// <summary>simulators/snmpsim/data/switch48.snmprec, found by walking up from the current folder.</summary>
    private static string FindRecording()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "simulators", "snmpsim", "data", "switch48.snmprec");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("simulators/snmpsim/data/switch48.snmprec not found; run from the repository.");
    }
}
