using System.Globalization;
using System.Net;
using System.Text;
using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Fleet.Compliance.Metrics;
using ClassroomFleet.Fleet.Compliance.Packs;

namespace ClassroomFleet.Fleet.Compliance.Reports;

/// <summary>
/// The printable county audit report (POLICY-TARGETS §5.6), Chinese by default: what was audited (instant, calendar,
/// pack versions and hashes), what the verdicts mean, the schools with their classification (城乡分类代码 and year) and
/// register counts, a summary, and for each rule its source quote beside the numbers, its threshold, method, window,
/// reading, severity and remediation, the county counts with the bounded pass rate, and every in-scope school with value,
/// inputs, samples and reason. Self-contained HTML (no scripts, no external files) for printing on A4.
/// Identifiers (rule ids, school codes, hashes) are marked <c>class="id"</c>.
/// </summary>
public static class AuditHtmlReport
{
    private const string Style = """
        body{font-family:"Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;margin:24px auto;max-width:1180px;color:#111;font-size:13px;line-height:1.45}
        h1{font-size:22px;margin:0 0 8px} h2{font-size:16px;margin:26px 0 6px;border-bottom:2px solid #333;padding-bottom:3px}
        table{border-collapse:collapse;width:100%;margin:6px 0} th,td{border:1px solid #999;padding:3px 6px;vertical-align:top;text-align:left}
        th{background:#eee;font-weight:bold;white-space:nowrap} td.num{text-align:right;white-space:nowrap} td.val{text-align:right;width:17%} td.val b{white-space:nowrap} td.val .detail{display:block;text-align:left;margin-top:2px} thead{display:table-header-group}
        table.meta th{width:7em} table.rulemeta th{width:6em}
        .quote{background:#f6f3e8;border-left:4px solid #b58900;padding:6px 10px;margin:6px 0;page-break-inside:avoid}
        .quote q{font-size:15px;quotes:none} .meta{color:#333} .note{font-size:12px;color:#333} .looser{color:#b00;font-weight:bold}
        .id{font-family:"DejaVu Sans Mono",monospace;font-size:11px;color:#555} .detail{font-size:11.5px;color:#333}
        ul.inputs{margin:0;padding-left:1.1em;font-size:11.5px} .state{font-weight:bold;white-space:nowrap}
        tr.PASS td.st{background:#dff0d8} tr.FAIL td.st{background:#f2dede} tr.UNKNOWN td.st{background:#fcf8e3} tr.EXEMPT td.st{background:#e8e8f8} tr.NOT_YET_DUE td.st{background:#eef} tr.NOT_APPLICABLE td.st{background:#f4f4f4}
        td.PASS{background:#dff0d8} td.FAIL{background:#f2dede} td.UNKNOWN{background:#fcf8e3}
        table.sign td{height:40px;width:25%} @page{size:A4;margin:12mm} @media print{body{margin:0;max-width:none}}
        """;

    private static readonly ComplianceState[] Legend =
        [ComplianceState.Pass, ComplianceState.Fail, ComplianceState.Unknown, ComplianceState.NotApplicable, ComplianceState.NotYetDue, ComplianceState.Exempt];

    public static string Render(CountyEvaluation evaluation, ReportText text)
    {
        var f = new ResultFormatter(text, evaluation.Packs.SelectMany(p => p.Rules));
        var sb = new StringBuilder(128 * 1024);
        var county = evaluation.County;
        sb.Append("<!DOCTYPE html><html lang=\"").Append(text.Lang).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(text["Compliance audit report"])).Append(" — ").Append(E(county.Name)).Append("</title><style>").Append(Style).Append("</style></head><body>");
        sb.Append("<h1>").Append(E(text["Compliance audit report"])).Append(text.IsEnglish ? ": " : "：").Append(E(county.Name))
            .Append(text.IsEnglish ? " (" : "（").Append(Id(county.Code)).Append(text.IsEnglish ? ")" : "）").Append("</h1>");
        Header(sb, evaluation, text);
        LegendSection(sb, text);
        Schools(sb, evaluation, text);
        Summary(sb, evaluation, f);
        foreach (var aggregate in evaluation.Aggregates)
        {
            RuleSection(sb, evaluation, aggregate.Rule, aggregate, f);
        }

        foreach (var countyRule in evaluation.Results.Where(r => r.Rule.Scope.Entity == ScopeEntity.County))
        {
            RuleSection(sb, evaluation, countyRule.Rule, null, f);
        }

        var disabled = evaluation.Packs.SelectMany(p => p.Disabled).ToList();
        if (disabled.Count > 0)
        {
            sb.Append("<h2>").Append(E(text["Disabled rules"])).Append("</h2><ul>");
            foreach (var d in disabled)
            {
                sb.Append("<li>").Append(Id(d.RuleId)).Append(" — ").Append(E(d.Reason)).Append('（').Append(E(d.Source.DocumentNumber)).Append(" 「").Append(E(d.Source.Quote)).Append("」）</li>");
            }

            sb.Append("</ul>");
        }

        sb.Append("<h2>").Append(E(text["Signatures"])).Append("</h2><table class=\"sign\"><tr><th>").Append(E(text["Audited by"])).Append("</th><td></td><th>")
            .Append(E(text["Reviewed by"])).Append("</th><td></td></tr><tr><th>").Append(E(text["Date"])).Append("</th><td></td><th>").Append(E(text["Date"])).Append("</th><td></td></tr></table>");
        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static void Header(StringBuilder sb, CountyEvaluation evaluation, ReportText text)
    {
        sb.Append("<table class=\"meta\"><tr><th>").Append(E(text["Evaluated at"])).Append("</th><td>")
            .Append(evaluation.At.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(text.IsEnglish ? " (UTC+8)" : "（北京时间）").Append("</td></tr>");
        sb.Append("<tr><th>").Append(E(text["Calendar"])).Append("</th><td>");
        if (evaluation.Calendar is { } calendar)
        {
            sb.Append(E(string.Join(text.ListSeparator, calendar.Titles.Count > 0 ? calendar.Titles : [calendar.Id]))).Append(' ').Append(Id(calendar.Id));
            string Span(CalendarEntry e) => $"{e.Name} {text.Date(e.From)}" + (e.To != e.From ? $"–{text.Date(e.To)}" : "");
            var terms = calendar.Terms.Where(t => !t.Verified).ToList();
            if (terms.Count > 0)
            {
                sb.Append("<br><span class=\"note\">").Append(E(text.Pick(("学期起止日期未经核实，须以县教育局校历为准：", "Term dates not verified; the county's own calendar decides: "))))
                    .Append(E(string.Join(text.ListSeparator, terms.Select(Span)))).Append("</span>");
            }

            var days = calendar.Holidays.Concat(calendar.MakeupDays).Concat(calendar.ExamDays).Where(d => !d.Verified).ToList();
            if (days.Count > 0)
            {
                sb.Append("<br><span class=\"note\">").Append(E(text.Pick(("暂定的节假日（待国务院办公厅当年通知公布后更正）：", "Provisional holidays (until the State Council's notice): "))))
                    .Append(E(string.Join(text.ListSeparator, days.Select(Span)))).Append("</span>");
            }
        }
        else
        {
            sb.Append(Id(evaluation.CalendarId));
        }

        sb.Append("</td></tr><tr><th>").Append(E(text["Packs"])).Append("</th><td>");
        foreach (var pack in evaluation.Packs.SelectMany(p => p.Chain).DistinctBy(p => p.Id))
        {
            sb.Append(E(pack.DocumentNumber)).Append(" 《").Append(E(text.Text(pack.Title))).Append("》，").Append(E(text.Text(pack.Issuer)))
                .Append(text.IsEnglish ? " · pack " : " · 规则包 ").Append(Id(pack.Id)).Append(' ').Append(E(text["Version"])).Append(' ').Append(E(pack.Version))
                .Append(" · ").Append(E(text["Pack hash"])).Append(' ').Append(Id(pack.Hash[..16])).Append("<br>");
        }

        sb.Append("</td></tr><tr><th>").Append(E(text["Metric catalogue"])).Append("</th><td>v").Append(MetricCatalogue.CatalogueVersion).Append("</td></tr></table>");
        sb.Append("<p class=\"note\">").Append(E(text["Missing data is never counted as compliant; the pass rate is shown as an interval over the schools that cannot be judged."])).Append("<br>")
            .Append(E(text["Units"])).Append("</p>");
        if (!evaluation.TelemetryRead)
        {
            sb.Append("<p class=\"looser\">").Append(E(text["Telemetry not read"])).Append("</p>");
        }
    }

    private static void LegendSection(StringBuilder sb, ReportText text)
    {
        sb.Append("<h2>").Append(E(text["How to read this report"])).Append("</h2><table>");
        foreach (var state in Legend)
        {
            sb.Append("<tr class=\"").Append(state.Code()).Append("\"><td class=\"st state\">").Append(E(text.State(state))).Append("</td><td>").Append(E(text.StateMeaning(state))).Append("</td></tr>");
        }

        sb.Append("</table>");
    }

    private static void Schools(StringBuilder sb, CountyEvaluation evaluation, ReportText text)
    {
        sb.Append("<h2>").Append(E(text["Schools audited"])).Append("</h2><table><thead><tr>");
        foreach (var header in new[] { "School", "Kind", "Stage", "Urban/rural code (year)", "Classes", "Teachers", "Students", "Uplinks (contract)" })
        {
            sb.Append("<th>").Append(E(text[header])).Append("</th>");
        }

        sb.Append("</tr></thead>");
        var names = evaluation.County.Sites.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal);
        foreach (var site in evaluation.County.Sites)
        {
            sb.Append("<tr><td>").Append(E(site.Name)).Append("<br>").Append(Id(site.Id)).Append("</td><td>")
                .Append(E(text.Term("kind", site.Kind == SiteKind.School ? "school" : "teaching_point")));
            if (site.ParentSchool is { } parent)
            {
                sb.Append("<br><span class=\"detail\">").Append(E(text["Parent school"])).Append(text.IsEnglish ? ": " : "：").Append(E(names.GetValueOrDefault(parent, parent)));
                if (site.SharedUplink)
                {
                    sb.Append(E(text.Pick(("；共用中心校线路", "; shares its line"))));
                }

                sb.Append("</span>");
            }

            sb.Append("</td><td>").Append(E(site.Stage is { } stage ? text.Term("stage", stage) : text["not recorded"])).Append("</td><td>");
            if (site.UrbanRuralCode is { } code)
            {
                sb.Append(E(code)).Append(' ').Append(E(text.Term("urc", code))).Append(text.IsEnglish ? " (" : "（")
                    .Append(E(text.Term("urban", InventoryVocabulary.IsUrban(code) ? "urban" : "rural"))).Append(text.IsEnglish ? ")" : "）").Append("<br><span class=\"detail\">")
                    .Append(E(site.UrbanRuralCodeYear is { } year ? text.Format(text.Pick(("{0}年代码", "{0} table")), [year]) : text.Pick(("代码年份未登记", "table year not recorded")))).Append("</span>");
            }
            else
            {
                sb.Append(E(text["not recorded"]));
            }

            sb.Append("</td>");
            foreach (var count in new[] { site.Classes, site.Teachers, site.Students })
            {
                sb.Append("<td>");
                if (count is null)
                {
                    sb.Append(E(text["not recorded"]));
                }
                else
                {
                    sb.Append(count.Value).Append("<br><span class=\"detail\">").Append(E(count.Source)).Append(text.IsEnglish ? ", " : "，").Append(E(text["as of"])).Append(' ').Append(text.Date(count.AsOf)).Append("</span>");
                }

                sb.Append("</td>");
            }

            sb.Append("<td class=\"detail\">");
            foreach (var line in site.Uplinks)
            {
                sb.Append(Id(line.Id)).Append(' ').Append(E(text.Render(Phrase.Of("value.contract", line.DownMbps, line.UpMbps, Phrase.Term("role", line.Role.ToString().ToLowerInvariant())))))
                    .Append(text.IsEnglish ? " (" : "（").Append(E(line.Source)).Append(text.IsEnglish ? ", " : "，").Append(text.Date(line.AsOf)).Append(text.IsEnglish ? ")" : "）").Append("<br>");
            }

            if (site.Uplinks.Count == 0)
            {
                sb.Append(E(text["not recorded"]));
            }

            sb.Append("</td></tr>");
        }

        sb.Append("</table>");
    }

    private static void Summary(StringBuilder sb, CountyEvaluation evaluation, ResultFormatter f)
    {
        var text = f.Text;
        sb.Append("<h2>").Append(E(text["Summary"])).Append("</h2><table><thead><tr>");
        foreach (var header in new[] { "Rule", "Basis", "Threshold", "Severity", "In scope" })
        {
            sb.Append("<th>").Append(E(text[header])).Append("</th>");
        }

        foreach (var state in new[] { ComplianceState.Pass, ComplianceState.Fail, ComplianceState.Unknown, ComplianceState.NotYetDue, ComplianceState.Exempt })
        {
            sb.Append("<th>").Append(E(text.State(state))).Append("</th>");
        }

        sb.Append("<th>").Append(E(text["Pass rate (bounds)"])).Append("</th></tr></thead>");
        foreach (var a in evaluation.Aggregates)
        {
            SummaryRuleCells(sb, a.Rule, f);
            sb.Append("<td class=\"num\">").Append(a.InScope + a.NotYetDue + a.Exempt).Append("</td><td class=\"num\">").Append(a.Pass).Append("</td><td class=\"num\">").Append(a.Fail)
                .Append("</td><td class=\"num\">").Append(a.Unknown).Append("</td><td class=\"num\">").Append(a.NotYetDue).Append("</td><td class=\"num\">").Append(a.Exempt)
                .Append("</td><td class=\"num\">").Append(E(a.BoundsText)).Append("</td></tr>");
        }

        foreach (var r in evaluation.Results.Where(r => r.Rule.Scope.Entity == ScopeEntity.County))
        {
            SummaryRuleCells(sb, r.Rule, f);
            sb.Append("<td class=\"num\">").Append(E(text["County result"])).Append("</td><td colspan=\"5\" class=\"").Append(r.State.Code()).Append("\"><span class=\"state\">").Append(E(text.State(r.State)))
                .Append("</span> ").Append(E(f.Reason(r))).Append("</td><td class=\"num\">").Append(E(f.Value(r))).Append("</td></tr>");
        }

        sb.Append("</table>");
    }

    private static void SummaryRuleCells(StringBuilder sb, Rule rule, ResultFormatter f) =>
        sb.Append("<tr><td>").Append(E(f.Text.Text(rule.Title))).Append("<br>").Append(Id(rule.Id)).Append("</td><td>")
            .Append(E(rule.Source.DocumentNumber)).Append(' ').Append(E(rule.Source.Clause ?? "")).Append("</td><td>").Append(E(f.Threshold(rule)))
            .Append("</td><td>").Append(E(f.Text.Severity(rule.Severity))).Append("</td>");

    private static void RuleSection(StringBuilder sb, CountyEvaluation evaluation, Rule rule, RuleAggregate? aggregate, ResultFormatter f)
    {
        var text = f.Text;
        var colon = text.IsEnglish ? ": " : "：";
        var results = evaluation.Results.Where(r => r.Rule.Id == rule.Id && r.Reason?.Code != "OUT_OF_SCOPE").ToList();
        sb.Append("<section><h2>").Append(E(text.Text(rule.Title))).Append(' ').Append(Id(rule.Id)).Append("</h2>");
        sb.Append("<div class=\"quote\">").Append(E(text["Basis"])).Append(colon).Append(E(rule.Source.DocumentNumber)).Append(' ').Append(E(rule.Source.Clause ?? ""));
        if (rule.Source.Line is { } line)
        {
            sb.Append(text.IsEnglish ? " (" : "（").Append(E(text.Pick(("原文件", "source file")))).Append(' ').Append(Id(rule.Source.File ?? "")).Append(' ')
                .Append(E(text.Format(text.Pick(("第 {0} 行", "line {0}")), [line]))).Append(text.IsEnglish ? ")" : "）");
        }
        else if (rule.Source.Url is { } url)
        {
            sb.Append(text.IsEnglish ? " (" : "（").Append(E(text.Pick(("转载", "reprint")))).Append(' ').Append(Id(url)).Append(text.IsEnglish ? ")" : "）");
        }

        sb.Append("<br><q>「").Append(E(rule.Source.Quote)).Append("」</q></div>");
        sb.Append("<table class=\"rulemeta\"><tr><th>").Append(E(text["Threshold"])).Append("</th><td><b>").Append(E(f.Threshold(rule))).Append("</b></td><th>")
            .Append(E(text["Effective from"])).Append("</th><td>").Append(f.EffectiveFrom(rule)).Append("</td><th>").Append(E(text["Severity"])).Append("</th><td>")
            .Append(E(text.Severity(rule.Severity))).Append("</td></tr>");
        Row(sb, text["Method"], f.Method(rule));
        if (rule.Window is not null)
        {
            Row(sb, text["Window"], f.Window(results.FirstOrDefault()?.WindowDays));
        }

        if (rule.Reading is { } reading)
        {
            Row(sb, text["Reading"], text.Text(reading));
        }

        if (rule.Remediation is { } remediation)
        {
            Row(sb, text["Remediation"], text.Text(remediation));
        }

        var owner = results.FirstOrDefault()?.Pack;
        var applied = results.FirstOrDefault()?.AppliedBy;
        if (owner is not null)
        {
            sb.Append("<tr><th>").Append(E(text["Pack"])).Append("</th><td colspan=\"5\">").Append(PackText(owner, text));
            if (applied is not null)
            {
                sb.Append(" · ").Append(E(text["Applied through"])).Append(' ').Append(PackText(applied, text));
            }

            sb.Append("</td></tr>");
        }

        if (rule.Override is { } o)
        {
            sb.Append("<tr><th>").Append(E(text["Override"])).Append("</th><td colspan=\"5\">").Append(E(f.Override(rule))).Append(" — ").Append(E(o.Reason)).Append('（')
                .Append(E(o.Source.DocumentNumber)).Append(" 「").Append(E(o.Source.Quote)).Append("」）");
            if (o.Looser)
            {
                sb.Append(" <span class=\"looser\">").Append(E(text["looser than the source"])).Append("</span>");
            }

            sb.Append("</td></tr>");
        }

        sb.Append("</table>");
        if (aggregate is not null)
        {
            sb.Append("<p>").Append(E(text["County aggregate"])).Append(colon).Append(E(text.State(ComplianceState.Pass))).Append(' ').Append(aggregate.Pass).Append(" · ")
                .Append(E(text.State(ComplianceState.Fail))).Append(' ').Append(aggregate.Fail).Append(" · ").Append(E(text.State(ComplianceState.Unknown))).Append(' ').Append(aggregate.Unknown)
                .Append(" · ").Append(E(text["Pass rate (bounds)"])).Append(' ').Append(E(aggregate.BoundsText)).Append("</p>");
        }

        sb.Append("<table><thead><tr><th>").Append(E(text[rule.Scope.Entity == ScopeEntity.County ? "County" : "School"])).Append("</th><th>").Append(E(text["State"])).Append("</th><th>").Append(E(text["Value"])).Append("</th>");
        var windowed = rule.Window is not null;
        if (windowed)
        {
            sb.Append("<th>").Append(E(text["Samples"])).Append("</th>");
        }

        sb.Append("<th>").Append(E(text["Inputs"])).Append("</th><th>").Append(E(text["Reason"])).Append("</th></tr></thead>");
        foreach (var r in results)
        {
            sb.Append("<tr class=\"").Append(r.State.Code()).Append("\"><td>").Append(E(r.SiteName)).Append("<br>").Append(Id(r.Site)).Append("</td><td class=\"st state\">").Append(E(text.State(r.State)));
            if (r.Underlying is { } underlying)
            {
                sb.Append("<br><span class=\"detail\">").Append(E(text.Format(text.Pick(("（若不计期限/豁免：{0}）", "(otherwise: {0})")), [text.State(underlying)]))).Append("</span>");
            }

            sb.Append("</td><td class=\"val\"><b>").Append(E(f.Value(r) is { Length: > 0 } value ? value : "—")).Append("</b>");
            if (f.Detail(r) is { Length: > 0 } detail)
            {
                sb.Append("<br><span class=\"detail\">").Append(E(detail)).Append("</span>");
            }

            sb.Append("</td>");
            if (windowed)
            {
                sb.Append("<td class=\"num\">").Append(E(f.Samples(r))).Append("</td>");
            }

            sb.Append("<td><ul class=\"inputs\">");
            foreach (var input in r.Inputs)
            {
                sb.Append("<li>").Append(E(text.Input(input))).Append("</li>");
            }

            var reason = f.Reason(r);
            sb.Append("</ul></td><td>").Append(E(reason));
            var first = reason.Length == 0;
            if (r.Exemption is { } x)
            {
                first = false;
                sb.Append(reason.Length > 0 ? "<br>" : "").Append(E(text["Exemption"])).Append(colon).Append(E(x.Reason)).Append('，').Append(E(x.ApprovedBy)).Append('，').Append(E(text["expires"])).Append(' ').Append(text.Date(x.Expires));
            }

            foreach (var issue in r.DataQuality)
            {
                sb.Append(first ? "" : "<br>").Append("<span class=\"detail\">");
                first = false;
                sb.Append(E(text["Data quality"])).Append(colon).Append(E(text.Render(issue))).Append("</span>");
            }

            sb.Append("</td></tr>");
        }

        sb.Append("</table></section>");
    }

    private static string PackText(RulePack pack, ReportText text) =>
        $"{Id(pack.Id)} {E(text["Version"])} {E(pack.Version)} · {E(text["Pack hash"])} {Id(pack.Hash[..16])}";

    private static void Row(StringBuilder sb, string header, string value) =>
        sb.Append("<tr><th>").Append(E(header)).Append("</th><td colspan=\"5\">").Append(E(value)).Append("</td></tr>");

    private static string Id(string value) => $"<span class=\"id\">{E(value)}</span>";

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
