using System.Text;
using ClassroomFleet.Fleet.Compliance.Evaluation;

namespace ClassroomFleet.Fleet.Compliance.Reports;

/// <summary>
/// The 台账 of non-compliant schools: one CSV row per FAIL (and, on request, per UNKNOWN) with its evidence, RFC 4180
/// quoting, UTF-8 with a byte-order mark so that spreadsheet programs read the Chinese text.
/// </summary>
public static class LedgerCsvWriter
{
    public static string Write(CountyEvaluation evaluation, ReportText text, bool includeUnknown = false)
    {
        var f = new ResultFormatter(text, evaluation.Packs.SelectMany(p => p.Rules));
        var sb = new StringBuilder();
        sb.Append('\uFEFF');
        Row(sb,
        [
            text["County"], text["Site"], text["School"], text["Rule"], text["Document"], text["Clause"], text["Quote"], text["State"], text["Value"], text["Threshold"],
            text["Method"], text["Window"], text["Samples"], text["Inputs"], text["Reason"], text["Severity"], text["Remediation"], text["Pack"], text["Pack version"], text["Pack hash"],
        ]);
        foreach (var r in evaluation.Results.Where(r => r.State == ComplianceState.Fail || (includeUnknown && r.State == ComplianceState.Unknown))
                     .OrderBy(r => r.Site, StringComparer.Ordinal).ThenBy(r => r.Rule.Id, StringComparer.Ordinal))
        {
            var value = f.Value(r);
            var detail = f.Detail(r);
            Row(sb,
            [
                r.County, r.Site, r.SiteName, r.Rule.Id, r.Rule.Source.DocumentNumber, r.Rule.Source.Clause ?? "", r.Rule.Source.Quote,
                text.State(r.State), detail.Length > 0 ? $"{value} ({detail})" : value, f.Threshold(r.Rule),
                f.Method(r.Rule), f.Window(r), f.Samples(r), string.Join("; ", r.Inputs.Select(text.Input)), f.Reason(r),
                text.Severity(r.Rule.Severity), r.Rule.Remediation is { } fix ? text.Text(fix) : "", r.Pack.Id, r.Pack.Version, r.Pack.Hash,
            ]);
        }

        return sb.ToString();
    }

    private static void Row(StringBuilder sb, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            var cell = cells[i];
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                sb.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                sb.Append(cell);
            }
        }

        sb.Append("\r\n");
    }
}
