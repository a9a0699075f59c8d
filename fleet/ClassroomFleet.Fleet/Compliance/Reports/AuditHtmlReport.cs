using System.Globalization;
using System.Net;
using System.Text;
using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Fleet.Compliance.Packs;

namespace ClassroomFleet.Fleet.Compliance.Reports;

/// <summary>
/// The printable county audit report (POLICY-TARGETS §5.6): for each rule its source quote beside the numbers, the county
/// counts with the bounded pass rate, and every in-scope school with value, threshold, inputs and reason. Self-contained
/// HTML (no scripts, no external files), Chinese by default.
/// </summary>
public static class AuditHtmlReport
{
    private const string Style = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;margin:24px;color:#111;font-size:13px}
        h1{font-size:22px;margin:0 0 4px} h2{font-size:16px;margin:28px 0 6px;border-bottom:2px solid #333;padding-bottom:3px}
        table{border-collapse:collapse;width:100%;margin:6px 0} th,td{border:1px solid #999;padding:3px 5px;vertical-align:top;text-align:left}
        th{background:#eee} td.num{text-align:right;white-space:nowrap}
        .quote{background:#f6f3e8;border-left:4px solid #b58900;padding:6px 10px;margin:6px 0}
        .meta{color:#444} .note{font-size:12px;color:#333} .looser{color:#b00;font-weight:bold}
        .PASS{background:#dff0d8} .FAIL{background:#f2dede} .UNKNOWN{background:#fcf8e3} .EXEMPT{background:#e8e8f8} .NOT_YET_DUE{background:#eef}
        section{page-break-inside:avoid} @page{size:A4;margin:14mm} @media print{body{margin:0}}
        """;

    public static string Render(CountyEvaluation evaluation, ReportText text)
    {
        var sb = new StringBuilder(64 * 1024);
        var county = evaluation.County;
        sb.Append("<!DOCTYPE html><html lang=\"").Append(text.Lang).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(text["Compliance audit report"])).Append(" — ").Append(E(county.Name)).Append("</title><style>").Append(Style).Append("</style></head><body>");
        sb.Append("<h1>").Append(E(text["Compliance audit report"])).Append('：').Append(E(county.Name)).Append('（').Append(E(county.Code)).Append("）</h1>");
        sb.Append("<p class=\"meta\">").Append(E(text["Evaluated at"])).Append('：').Append(evaluation.At.ToOffset(Calendar.ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))
            .Append(" (UTC+8) · ").Append(E(text["Calendar"])).Append('：').Append(E(evaluation.CalendarId)).Append("</p>");
        sb.Append("<p class=\"meta\">").Append(E(text["Packs"])).Append('：');
        foreach (var pack in evaluation.Packs.SelectMany(p => p.Chain).DistinctBy(p => p.Id))
        {
            sb.Append(E(pack.DocumentNumber)).Append(" 《").Append(E(pack.Title.For(text.IsEnglish))).Append("》 ").Append(E(pack.Id)).Append('@').Append(E(pack.Version))
                .Append(" <small>").Append(E(text["Pack hash"])).Append(' ').Append(pack.Hash.AsSpan(0, 12)).Append("</small>; ");
        }

        sb.Append("</p><p class=\"note\">").Append(E(text["Missing data is never counted as compliant; the pass rate is shown as an interval over the schools that cannot be judged."])).Append("</p>");
        Summary(sb, evaluation, text);
        foreach (var aggregate in evaluation.Aggregates)
        {
            RuleSection(sb, evaluation, aggregate.Rule, aggregate, text);
        }

        foreach (var countyRule in evaluation.Results.Where(r => r.Rule.Scope.Entity == ScopeEntity.County))
        {
            RuleSection(sb, evaluation, countyRule.Rule, null, text);
        }

        var disabled = evaluation.Packs.SelectMany(p => p.Disabled).ToList();
        if (disabled.Count > 0)
        {
            sb.Append("<h2>").Append(E(text["Disabled rules"])).Append("</h2><ul>");
            foreach (var d in disabled)
            {
                sb.Append("<li>").Append(E(d.RuleId)).Append(" — ").Append(E(d.Reason)).Append('（').Append(E(d.Source.DocumentNumber)).Append(" 「").Append(E(d.Source.Quote)).Append("」）</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static void Summary(StringBuilder sb, CountyEvaluation evaluation, ReportText text)
    {
        sb.Append("<h2>").Append(E(text["Summary"])).Append("</h2><table><tr><th>").Append(E(text["Rule"])).Append("</th><th>").Append(E(text["Basis"])).Append("</th><th>")
            .Append(E(text["Threshold"])).Append("</th><th>").Append(E(text["In scope"])).Append("</th>");
        foreach (var state in new[] { ComplianceState.Pass, ComplianceState.Fail, ComplianceState.Unknown, ComplianceState.NotYetDue, ComplianceState.Exempt })
        {
            sb.Append("<th>").Append(E(text.State(state))).Append("</th>");
        }

        sb.Append("<th>").Append(E(text["Pass rate (bounds)"])).Append("</th></tr>");
        foreach (var a in evaluation.Aggregates)
        {
            sb.Append("<tr><td>").Append(E(a.Rule.Title.For(text.IsEnglish))).Append("<br><small>").Append(E(a.Rule.Id)).Append("</small></td><td>")
                .Append(E(a.Rule.Source.DocumentNumber)).Append(' ').Append(E(a.Rule.Source.Clause ?? "")).Append("</td><td class=\"num\">").Append(E(Threshold(a.Rule)))
                .Append("</td><td class=\"num\">").Append(a.InScope + a.NotYetDue + a.Exempt).Append("</td><td class=\"num\">").Append(a.Pass).Append("</td><td class=\"num\">").Append(a.Fail)
                .Append("</td><td class=\"num\">").Append(a.Unknown).Append("</td><td class=\"num\">").Append(a.NotYetDue).Append("</td><td class=\"num\">").Append(a.Exempt)
                .Append("</td><td class=\"num\">").Append(E(a.BoundsText)).Append("</td></tr>");
        }

        sb.Append("</table>");
    }

    private static void RuleSection(StringBuilder sb, CountyEvaluation evaluation, Rule rule, RuleAggregate? aggregate, ReportText text)
    {
        sb.Append("<section><h2>").Append(E(rule.Title.For(text.IsEnglish))).Append(" <small>").Append(E(rule.Id)).Append("</small></h2>");
        sb.Append("<div class=\"quote\">").Append(E(text["Basis"])).Append('：').Append(E(rule.Source.DocumentNumber)).Append(' ').Append(E(rule.Source.Clause ?? ""))
            .Append(" 「").Append(E(rule.Source.Quote)).Append('」');
        if (rule.Source.Line is { } line)
        {
            sb.Append('（').Append(E(rule.Source.File ?? "")).Append(' ').Append(E(text["line"])).Append(' ').Append(line).Append('）');
        }
        else if (rule.Source.Url is { } url)
        {
            sb.Append('（').Append(E(url)).Append('）');
        }

        sb.Append("<br>").Append(E(text["Threshold"])).Append('：').Append(E(Threshold(rule))).Append(" · ").Append(E(text["Effective from"])).Append(' ').Append(rule.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (rule.Reading is { } reading)
        {
            sb.Append("<br><span class=\"note\">").Append(E(text["Reading"])).Append('：').Append(E(reading)).Append("</span>");
        }

        if (rule.Override is { } o)
        {
            sb.Append("<br>").Append(E(text["Override"])).Append('：').Append(E(o.Change)).Append(" — ").Append(E(o.Reason)).Append('（').Append(E(o.Source.DocumentNumber)).Append(" 「").Append(E(o.Source.Quote)).Append("」）");
            if (o.Looser)
            {
                sb.Append(" <span class=\"looser\">").Append(E(text["looser than the source"])).Append("</span>");
            }
        }

        sb.Append("</div>");
        if (aggregate is not null)
        {
            sb.Append("<p>").Append(E(text["County aggregate"])).Append('：').Append(E(text.State(ComplianceState.Pass))).Append(' ').Append(aggregate.Pass).Append(" · ")
                .Append(E(text.State(ComplianceState.Fail))).Append(' ').Append(aggregate.Fail).Append(" · ").Append(E(text.State(ComplianceState.Unknown))).Append(' ').Append(aggregate.Unknown)
                .Append(" · ").Append(E(text["Pass rate (bounds)"])).Append(' ').Append(E(aggregate.BoundsText)).Append("</p>");
        }

        sb.Append("<table><tr><th>").Append(E(text["School"])).Append("</th><th>").Append(E(text["State"])).Append("</th><th>").Append(E(text["Value"])).Append("</th><th>")
            .Append(E(text["Samples"])).Append("</th><th>").Append(E(text["Inputs"])).Append("</th><th>").Append(E(text["Reason"])).Append("</th></tr>");
        foreach (var r in evaluation.Results.Where(r => r.Rule.Id == rule.Id && r.Reason?.Code != "OUT_OF_SCOPE"))
        {
            var code = r.State.Code();
            sb.Append("<tr class=\"").Append(code).Append("\"><td>").Append(E(r.SiteName)).Append("<br><small>").Append(E(r.Site)).Append("</small></td><td>").Append(E(text.State(r.State)));
            if (r.Exemption is { } x)
            {
                sb.Append("<br><small>").Append(E(x.Reason)).Append('，').Append(E(x.ApprovedBy)).Append('，').Append(E(text["expires"])).Append(' ').Append(x.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append("</small>");
            }

            sb.Append("</td><td class=\"num\">").Append(E(r.ValueText)).Append(r.Value is null ? "" : " " + E(rule.Compare.Unit)).Append("</td><td class=\"num\">")
                .Append(r.SamplesUsed is { } n ? $"{n}/{r.SamplesRequired}" : "").Append("</td><td><small>").Append(E(r.Method));
            foreach (var input in r.Inputs)
            {
                sb.Append("<br>").Append(E(input.ToString()));
            }

            if (r.Window is { } window)
            {
                sb.Append("<br>").Append(E(text["Window"])).Append(": ").Append(E(window));
            }

            foreach (var issue in r.DataQuality)
            {
                sb.Append("<br>").Append(E(text["Data quality"])).Append(": ").Append(E(issue));
            }

            sb.Append("</small></td><td>").Append(E(r.Reason?.Text ?? "")).Append("</td></tr>");
        }

        sb.Append("</table></section>");
    }

    private static string Threshold(Rule rule) => $"{rule.Compare.Symbol} {rule.Compare.Threshold.ToString(CultureInfo.InvariantCulture)} {rule.Compare.Unit}";

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
