using ClassroomFleet.Contracts;
using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Influx.LineProtocol;

namespace ClassroomFleet.Fleet.Compliance.Reports;

/// <summary>
/// Results as InfluxDB points: measurement <c>compliance</c> with the stable tags county, school, rule and pack (the pack
/// defining the rule), timestamped at the evaluation instant. The verdict is a field, not a tag: re-evaluating an instant
/// after late telemetry arrived writes the same series at the same time and so replaces the earlier verdict instead of
/// adding a second series beside it. Fields: state (string), one 0/1 indicator per state (pass, fail, unknown,
/// not_applicable, not_yet_due, exempt) so that dashboards can count schools per state in InfluxQL, value (lower bound
/// for an aggregate), upper, threshold, samples, reason, underlying, pack_version, pack_hash and, for a rule evaluated
/// through a county pack, applied_pack and applied_pack_hash.
/// </summary>
public static class ComplianceLineProtocol
{
    private static readonly (ComplianceState State, string Field)[] Indicators =
    [
        (ComplianceState.Pass, "pass"), (ComplianceState.Fail, "fail"), (ComplianceState.Unknown, "unknown"),
        (ComplianceState.NotApplicable, "not_applicable"), (ComplianceState.NotYetDue, "not_yet_due"), (ComplianceState.Exempt, "exempt"),
    ];

    public static void Write(LineProtocolBuffer buffer, RuleResult result)
    {
        var point = buffer.Point(Measurements.Compliance)
            .Tag(TagKeys.County, result.County)
            .Tag(TagKeys.School, result.Site)
            .Tag("rule", result.Rule.Id)
            .Tag("pack", result.Pack.Id)
            .Field("state", result.State.Code());
        foreach (var (state, field) in Indicators)
        {
            point = point.Field(field, result.State == state ? 1L : 0L);
        }

        point = point
            .Field("threshold", (double)result.Rule.Compare.Threshold)
            .Field("samples", (long)(result.SamplesUsed ?? 0))
            .Field("reason", result.Reason?.Text ?? "")
            .Field("pack_version", result.Pack.Version)
            .Field("pack_hash", result.Pack.Hash);
        if (result.Value?.Approximate is { } value)
        {
            point = point.Field("value", (double)value);
        }

        if (result.Upper?.Approximate is { } upper)
        {
            point = point.Field("upper", (double)upper);
        }

        if (result.Underlying is { } underlying)
        {
            point = point.Field("underlying", underlying.Code());
        }

        if (result.AppliedBy is { } applied)
        {
            point = point.Field("applied_pack", applied.Id).Field("applied_pack_hash", applied.Hash);
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
