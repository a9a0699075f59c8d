using System.Globalization;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Bench.Ingest;

/// <summary>The workload: N agents (one school each) each sending batches of interface points of one switch.</summary>
internal sealed class SimulatedCounty(int agents, int pointsPerBatch)
{
    public const string County = "410323";
    private const long Epoch = 1_763_000_000_000_000_000;

    public int Agents => agents;

    public int PointsPerBatch => pointsPerBatch;

    public static string School(int agent) => "4" + (141_000_000 + agent).ToString("D9", CultureInfo.InvariantCulture);

    /// <summary>Batch number <paramref name="round"/> of an agent; every point gets a time of its own, so every point is new.</summary>
    public TelemetryBatch Batch(int agent, long round, string runId)
    {
        var points = new TelemetryPoint[pointsPerBatch];
        var time = Epoch + (round * 1_000_000_000L);
        for (var port = 0; port < pointsPerBatch; port++)
        {
            points[port] = new TelemetryPoint
            {
                Measurement = "interface",
                TimestampNs = time,
                Tags = new Dictionary<string, string> { ["if_name"] = $"Gi1/0/{port + 1}", ["run"] = runId },
                Floats = new Dictionary<string, double> { ["in_bps"] = 1_000_000 + port, ["out_bps"] = 500_000 + port },
                Integers = new Dictionary<string, long> { ["in_octets"] = round * 125_000, ["out_octets"] = round * 62_500, ["speed_mbps"] = 1000 },
                Booleans = new Dictionary<string, bool> { ["oper_up"] = true },
            };
        }

        return new TelemetryBatch
        {
            County = County,
            School = School(agent),
            Device = "sw-core-1",
            Kind = "switch",
            Agent = $"bench-agent-{agent}",
            Sequence = round + 1,
            Points = points,
        };
    }
}
