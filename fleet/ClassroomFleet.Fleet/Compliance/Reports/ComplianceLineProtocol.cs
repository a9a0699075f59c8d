using ClassroomFleet.Contracts;
using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Influx.LineProtocol;

namespace ClassroomFleet.Fleet.Compliance.Reports;

/// <summary>
/// Results as InfluxDB points: measurement <c>compliance</c>, tags county, school, rule, pack, state; fields value (lower
/// bound for an aggregate), threshold, samples, reason. Timestamped at the evaluation instant, so re-evaluating the same
/// instant writes to the same time and a changed state appears as a second series at that time (the result history).
/// </summary>
public static class ComplianceLineProtocol
{
    public static void Write(LineProtocolBuffer buffer, RuleResult result)
    {
        var point = buffer.Point(Measurements.Compliance)
            .Tag(TagKeys.County, result.County)
            .Tag(TagKeys.School, result.Site)
            .Tag("rule", result.Rule.Id)
            .Tag("pack", result.Pack.Id)
            .Tag("state", result.State.Code())
            .Field("threshold", (double)result.Rule.Compare.Threshold)
            .Field("samples", (long)(result.SamplesUsed ?? 0))
            .Field("reason", result.Reason?.Text ?? "");
        if (result.Value?.Approximate is { } value)
        {
            point = point.Field("value", (double)value);
        }

        point.Timestamp(result.At.ToUnixTimeMilliseconds() * 1_000_000);
    }

    public static void WriteAll(LineProtocolBuffer buffer, IEnumerable<RuleResult> results)
    {
        foreach (var result in results)
        {
            Write(buffer, result);
        }
    }
}
