using ClassroomFleet.Contracts;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Fleet.Compliance.Inputs;

namespace ClassroomFleet.Simulators.County;

/// <summary>
/// One site's past school days as its agent would have sent them: bandwidth probes (iperf3, three a day in lesson time)
/// and one successful poll a day of every registered device. Deterministic for a site and day, so a replay overwrites
/// the same points instead of adding new ones.
/// </summary>
public static class HistoryBatches
{
    public const string ProbeDevice = "probe-1";
    private static readonly (int Hour, int Minute)[] ProbeTimes = [(9, 0), (10, 30), (15, 0)];

    public static IReadOnlyList<TelemetryBatch> For(string county, SiteFacts site, IReadOnlyList<DateOnly> days, double deliveredShare)
    {
        var agent = "hist-" + site.TelemetrySchoolOrId;
        var school = site.TelemetrySchoolOrId;
        var batches = new List<TelemetryBatch>();
        var sequence = 1L;
        if (site.Uplinks is [var line, ..])
        {
            var points = new List<TelemetryPoint>();
            foreach (var day in days)
            {
                var random = new Random(unchecked((StableHash(site.Id) * 31) + day.DayNumber));
                foreach (var (hour, minute) in ProbeTimes)
                {
                    var jitter = 1 + ((random.NextDouble() - 0.5) * 0.06);
                    points.Add(Probe(SchoolDays.At(day, hour, minute), (double)line.DownMbps * deliveredShare * jitter, (double)line.UpMbps * deliveredShare * jitter));
                }

                points.Add(Poll(SchoolDays.At(day, 9, 0), "probe", room: null));
            }

            batches.Add(Batch(county, school, ProbeDevice, "probe", agent, sequence++, points));
        }

        foreach (var device in site.Devices.Where(d => !d.Broken))
        {
            var kind = AgentKinds.Of(device.Class);
            batches.Add(Batch(county, school, device.Id, kind, agent, sequence++, [.. days.Select(day => Poll(SchoolDays.At(day, 8, 30), kind, device.Room))]));
        }

        return batches;
    }

    private static TelemetryBatch Batch(string county, string school, string device, string kind, string agent, long sequence, IReadOnlyList<TelemetryPoint> points) => new()
    {
        County = county,
        School = school,
        Device = device,
        Kind = kind,
        Agent = agent,
        Sequence = sequence,
        Points = points,
    };

    private static TelemetryPoint Probe(DateTimeOffset at, double downMbps, double upMbps) => new()
    {
        Measurement = Measurements.Uplink,
        TimestampNs = Nanos(at),
        Tags = new Dictionary<string, string> { ["method"] = "iperf3", [TagKeys.InterfaceName] = "wan" },
        Floats = new Dictionary<string, double> { ["down_bps"] = Math.Round(downMbps * 1e6), ["up_bps"] = Math.Round(upMbps * 1e6) },
    };

    private static TelemetryPoint Poll(DateTimeOffset at, string kind, string? room)
    {
        var tags = new Dictionary<string, string> { [TagKeys.Kind] = kind };
        if (room is not null)
        {
            tags[TagKeys.Room] = room;
        }

        return new TelemetryPoint
        {
            Measurement = Measurements.Device,
            TimestampNs = Nanos(at),
            Tags = tags,
            Floats = new Dictionary<string, double> { ["poll_ms"] = 12.5 },
            Integers = new Dictionary<string, long> { ["available"] = 1 },
            Booleans = new Dictionary<string, bool> { ["up"] = true },
        };
    }

    // string.GetHashCode differs between processes; the jitter must not.
    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));

    private static long Nanos(DateTimeOffset at) => at.ToUnixTimeMilliseconds() * 1_000_000;
}
