using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Inputs;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// Uplink capacity of a site (POLICY-TARGETS §3): contracted = sum of the non-standby lines (per direction) whose
/// contract is dated on or before the audit day; measured = nearest-rank median of successful probes in the window's
/// school hours; verified = min(contracted, measured / tolerance). Utilisation is never used as capacity.
/// </summary>
public static class CapacityCalculator
{
    private const double ProbeCeilingShare = 0.9;

    private static readonly Phrase ProbeSource = Phrase.Of("source.telemetry_probe");

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
        var quality = new List<Phrase>();

        decimal? contracted = null;
        if (basis is "contracted" or "verified")
        {
            var today = ChinaTime.DateOf(context.At);
            var lines = site.Uplinks.Where(u => u.Role != UplinkRole.Standby && (p.Choice("measure_at") == "access_link" || u.Reach == UplinkReach.Internet)).ToList();
            var valid = new List<UplinkContract>();
            foreach (var line in lines)
            {
                var value = line.AsOf > today
                    ? Phrase.Of("value.contract_future", line.DownMbps, line.UpMbps)
                    : Phrase.Of("value.contract", line.DownMbps, line.UpMbps, Phrase.Term("role", line.Role.ToString().ToLowerInvariant()));
                inputs.Add(new EvidenceInput(Phrase.Of("input.contract", line.Id), value, Phrase.Plain(line.Source), line.AsOf));
                if (line.AsOf <= today)
                {
                    valid.Add(line);
                }
            }

            if (valid.Count == 0)
            {
                var reason = lines.Count > 0 ? Reason.ContractFutureDated(lines.Min(l => l.AsOf)) : Reason.NoContract();
                return new CapacityFinding(null, reason, null, minSamples, inputs, quality, method);
            }

            contracted = valid.Sum(l => Directional(l.DownMbps, l.UpMbps, direction));
        }

        if (basis == "contracted")
        {
            return new CapacityFinding(contracted, null, null, 0, inputs, quality, method, Phrase.Of("detail.contracted", contracted!.Value));
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

        inputs.Add(new EvidenceInput(Phrase.Of("input.probes"), Phrase.Of("value.probes", values.Count, days.Count), ProbeSource));
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
        inputs.Add(new EvidenceInput(Phrase.Of("input.measured_median"), Phrase.Of("value.mbps", measured), ProbeSource));
        if (basis == "measured")
        {
            return new CapacityFinding(measured, null, values.Count, minSamples, inputs, quality, method, Phrase.Of("detail.measured", measured));
        }

        var deliveredEquivalent = measured / tolerance;
        if (linkSpeed is { } speed && median >= ProbeCeilingShare * speed && deliveredEquivalent < contracted)
        {
            return new CapacityFinding(null, Reason.ProbeCeiling(median, speed), values.Count, minSamples, inputs, quality, method);
        }

        if (measured * 2 < contracted)
        {
            quality.Add(Phrase.Of("quality.contract_vs_measured", contracted!.Value, measured));
        }

        var verified = Math.Min(contracted!.Value, deliveredEquivalent);
        var detail = Phrase.Of("detail.verified", contracted.Value, measured, tolerance, decimal.Round(deliveredEquivalent, 2), decimal.Round(verified, 2));
        return new CapacityFinding(verified, null, values.Count, minSamples, inputs, quality, method, detail);
    }

    private static decimal Directional(decimal down, decimal up, string direction) => direction switch
    {
        "down" => down,
        "up" => up,
        _ => Math.Min(down, up),
    };
}
