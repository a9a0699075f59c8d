using System.Globalization;
using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Inputs;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// Uplink capacity of a site (POLICY-TARGETS §3): contracted = sum of the non-standby lines (per direction); measured =
/// nearest-rank median of successful probes in the window's school hours; verified = min(contracted, measured / tolerance).
/// Utilisation is never used as capacity.
/// </summary>
public static class CapacityCalculator
{
    private const double ProbeCeilingShare = 0.9;

    public static CapacityFinding Compute(MetricContext context, SiteFacts site, ParameterValues p)
    {
        var basis = p.Choice("capacity_basis");
        var direction = p.Choice("direction");
        var tolerance = p.Number("measured_tolerance");
        var minSamples = p.MapValue("probe_min", "samples");
        var minDays = p.MapValue("probe_min", "distinct_days");
        var method = $"{basis} capacity, {direction}, {p.Choice("measure_at")}"
            + (basis == "contracted" ? "" : FormattableString.Invariant($", median of ≥{minSamples} probes on ≥{minDays} days, tolerance {tolerance}"));
        var inputs = new List<EvidenceInput>();
        var quality = new List<string>();

        decimal? contracted = null;
        if (basis is "contracted" or "verified")
        {
            var lines = site.Uplinks.Where(u => u.Role != UplinkRole.Standby && (p.Choice("measure_at") == "access_link" || u.Reach == UplinkReach.Internet)).ToList();
            foreach (var line in lines)
            {
                inputs.Add(new EvidenceInput($"contract {line.Id}", FormattableString.Invariant($"{line.DownMbps}/{line.UpMbps} Mbit/s ({line.Role.ToString().ToLowerInvariant()})"), line.Source, line.AsOf));
            }

            if (lines.Count == 0)
            {
                return new CapacityFinding(null, Reason.NoContract(), null, minSamples, inputs, quality, method);
            }

            contracted = lines.Sum(l => Directional(l.DownMbps, l.UpMbps, direction));
        }

        if (basis == "contracted")
        {
            return new CapacityFinding(contracted, null, null, 0, inputs, quality, method);
        }

        if (context.Window is not { } window)
        {
            return new CapacityFinding(null, Reason.CalendarNotCovered(), null, minSamples, inputs, quality, method);
        }

        var values = new List<double>();
        var days = new HashSet<DateOnly>();
        double? linkSpeed = null;
        var heard = false;
        foreach (var probe in context.Measurements.Probes)
        {
            if (!window.Contains(probe.Time) || (site.ProbeDevices.Count > 0 && !site.ProbeDevices.Contains(probe.Device)))
            {
                continue;
            }

            heard = true;
            var value = direction switch
            {
                "down" => probe.DownMbps,
                "up" => probe.UpMbps,
                _ => probe.DownMbps is { } d && probe.UpMbps is { } u ? Math.Min(d, u) : null,
            };
            if (value is > 0 && double.IsFinite(value.Value))
            {
                values.Add(value.Value);
                days.Add(ChinaTime.DateOf(probe.Time));
                linkSpeed = probe.LinkSpeedMbps ?? linkSpeed;
            }
        }

        if (values.Count == 0)
        {
            var silent = !heard && !context.Measurements.Heartbeats.Any(h => h.Time >= window.From && h.Time <= window.At);
            return new CapacityFinding(null, silent ? Reason.AgentOffline() : Reason.NoProbeData(), 0, minSamples, inputs, quality, method);
        }

        inputs.Add(new EvidenceInput("probes", FormattableString.Invariant($"{values.Count} on {days.Count} school days"), "telemetry uplink (iperf3/http)"));
        if (values.Count < minSamples)
        {
            return new CapacityFinding(null, Reason.InsufficientSamples(values.Count, minSamples), values.Count, minSamples, inputs, quality, method);
        }

        if (days.Count < minDays)
        {
            return new CapacityFinding(null, Reason.InsufficientDays(days.Count, minDays), values.Count, minSamples, inputs, quality, method);
        }

        var median = NearestRank.Percentile(values.ToArray(), 50);
        var measured = decimal.Round((decimal)median, 3);
        inputs.Add(new EvidenceInput("measured median", measured.ToString("0.###", CultureInfo.InvariantCulture) + " Mbit/s", "telemetry uplink (iperf3/http)"));
        if (basis == "measured")
        {
            return new CapacityFinding(measured, null, values.Count, minSamples, inputs, quality, method);
        }

        var deliveredEquivalent = measured / tolerance;
        if (linkSpeed is { } speed && median >= ProbeCeilingShare * speed && deliveredEquivalent < contracted)
        {
            return new CapacityFinding(null, Reason.ProbeCeiling(median, speed), values.Count, minSamples, inputs, quality, method);
        }

        if (measured * 2 < contracted)
        {
            quality.Add(FormattableString.Invariant($"contract says {contracted} Mbit/s but the measured median is {measured} Mbit/s"));
        }

        return new CapacityFinding(Math.Min(contracted!.Value, deliveredEquivalent), null, values.Count, minSamples, inputs, quality, method);
    }

    private static decimal Directional(decimal down, decimal up, string direction) => direction switch
    {
        "down" => down,
        "up" => up,
        _ => Math.Min(down, up),
    };
}
