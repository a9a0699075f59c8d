using System.Diagnostics;
using System.Globalization;
using System.Net;
using ClassroomFleet.Snmp;

namespace ClassroomFleet.Bench.Snmp;

/// <summary>
/// net-snmp's snmpbulkwalk on the same agents, pinned to the client CPU: one shell per switch running its two walks,
/// the shells either one after another or all at once.
/// </summary>
internal static class NetSnmpRun
{
    public static async Task<Measurement> RunAsync(bool parallel, IReadOnlyList<IPEndPoint> endpoints, IReadOnlyList<Oid> roots, int maxRepetitions, int cpu, int agentPid)
    {
        var childCpu = CpuClock.Children();
        var agentCpu = CpuClock.OfProcess(agentPid);
        var clock = Stopwatch.StartNew();
        long oids;
        if (parallel)
        {
            var counts = await Task.WhenAll(endpoints.Select(e => WalkSwitchAsync(e, roots, maxRepetitions, cpu))).ConfigureAwait(false);
            oids = counts.Sum();
        }
        else
        {
            oids = 0;
            foreach (var endpoint in endpoints)
            {
                oids += await WalkSwitchAsync(endpoint, roots, maxRepetitions, cpu).ConfigureAwait(false);
            }
        }

        clock.Stop();
        var name = parallel ? "net-snmp snmpbulkwalk (parallel processes)" : "net-snmp snmpbulkwalk (sequential)";
        return new Measurement(name, endpoints.Count, oids, clock.Elapsed, CpuClock.Children() - childCpu, CpuClock.OfProcess(agentPid) - agentCpu);
    }

    private static async Task<long> WalkSwitchAsync(IPEndPoint endpoint, IReadOnlyList<Oid> roots, int maxRepetitions, int cpu)
    {
        var commands = string.Join("; ", roots.Select(root =>
            $"snmpbulkwalk -m '' -v2c -c public -On -Cr{maxRepetitions} -t 5 -r 2 {endpoint} {root}"));
        var start = new ProcessStartInfo("taskset") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", cpu.ToString(CultureInfo.InvariantCulture), "sh", "-c", commands })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MIBS"] = ":";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("snmpbulkwalk did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        long lines = 0;
        while (await process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            // snmpbulkwalk also prints the endOfMibView bindings ("= No more variables left ..."); they are not OIDs.
            if (line.StartsWith('.') && !line.Contains(" = No more variables", StringComparison.Ordinal))
            {
                lines++;
            }
        }

        await process.WaitForExitAsync().ConfigureAwait(false);
        return process.ExitCode == 0 ? lines : throw new InvalidOperationException($"snmpbulkwalk failed: {await errors.ConfigureAwait(false)}");
    }
}
