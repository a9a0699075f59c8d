using System.Diagnostics;
using ClassroomFleet.Snmp;

namespace ClassroomFleet.Bench.Snmp;

/// <summary>Our client: every switch walked concurrently over one socket, ifTable then ifXTable per switch.</summary>
internal static class OurClientRun
{
    public static async Task<Measurement> RunAsync(SnmpClient client, IReadOnlyList<System.Net.IPEndPoint> endpoints, IReadOnlyList<Oid> roots, int maxRepetitions, int agentPid)
    {
        var cpu = CpuClock.Self();
        var agentCpu = CpuClock.OfProcess(agentPid);
        var clock = Stopwatch.StartNew();
        var counts = await Task.WhenAll(endpoints.Select(endpoint => WalkSwitchAsync(client, new SnmpTarget(endpoint)
        {
            MaxRepetitions = maxRepetitions,
            Timeout = TimeSpan.FromSeconds(5),
            Retries = 2,
        }, roots))).ConfigureAwait(false);
        clock.Stop();
        return new Measurement("ClassroomFleet.Snmp (1 process, concurrent)", endpoints.Count, counts.Sum(), clock.Elapsed, CpuClock.Self() - cpu, CpuClock.OfProcess(agentPid) - agentCpu);
    }

    private static async Task<long> WalkSwitchAsync(SnmpClient client, SnmpTarget target, IReadOnlyList<Oid> roots)
    {
        long count = 0;
        foreach (var root in roots)
        {
            await foreach (var _ in client.WalkAsync(target, root).ConfigureAwait(false))
            {
                count++;
            }
        }

        return count;
    }
}
