using System.Globalization;
using System.Text;
using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Fleet.Compliance.Packs;
using ClassroomFleet.Fleet.Compliance.Reports;

namespace ClassroomFleet.Cli.Commands.Audit;

/// <summary>
/// Audit results as a plain-text table for a terminal: per rule its threshold and source quote, then one line per school
/// in scope with the state code and its label (达标/未达标/无法判定…), the value, the samples and the reason in words.
/// Columns are padded by display width, so that Chinese text (two columns a character) lines up.
/// </summary>
public static class AuditTable
{
    public static string Render(CountyEvaluation evaluation, ReportText text)
    {
        var f = new ResultFormatter(text, evaluation.Packs.SelectMany(p => p.Rules));
        var zh = !text.IsEnglish;
        var sb = new StringBuilder();
        var at = evaluation.At.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        sb.AppendLine(zh
            ? $"{evaluation.County.Name}（{evaluation.County.Code}） 评估时点 {at}（北京时间） 校历 {evaluation.CalendarId}"
            : $"{evaluation.County.Name} ({evaluation.County.Code}) at {at} (UTC+8), calendar {evaluation.CalendarId}");
        sb.Append(text["Packs"]).Append(zh ? "：" : ": ")
            .AppendLine(string.Join(zh ? "；" : "; ", evaluation.Packs.SelectMany(p => p.Chain).DistinctBy(p => p.Id).Select(p => $"{p.Id} {text["Version"]} {p.Version} {p.DocumentNumber} ({p.Hash[..12]})")));
        if (!evaluation.TelemetryRead)
        {
            sb.AppendLine(text["Telemetry not read"]);
        }

        foreach (var group in evaluation.Results.Where(r => r.Reason?.Code != "OUT_OF_SCOPE").GroupBy(r => r.Rule.Id))
        {
            var rule = group.First().Rule;
            sb.AppendLine().Append(rule.Id).Append("  ").AppendLine(text.Text(rule.Title));
            sb.Append("  ").Append(text["Threshold"]).Append(zh ? "：" : ": ").Append(f.Threshold(rule)).Append("    ").Append(text["Severity"]).Append(zh ? "：" : ": ").AppendLine(text.Severity(rule.Severity));
            sb.Append("  ").Append(text["Basis"]).Append(zh ? "：" : ": ").Append(rule.Source.DocumentNumber).Append(' ').Append(rule.Source.Clause ?? "").Append(" 「").Append(rule.Source.Quote).AppendLine("」");
            if (rule.Scope.Entity == ScopeEntity.Site && group.FirstOrDefault(r => r.WindowDays is not null) is { } windowed)
            {
                sb.Append("  ").Append(text["Window"]).Append(zh ? "：" : ": ").AppendLine(f.Window(windowed));
            }

            foreach (var r in group)
            {
                var state = zh ? $"{r.State.Code()} {text.State(r.State)}" : r.State.Code();
                sb.Append("  ").Append(Pad(r.Site, 16)).Append(Pad(r.SiteName, 30)).Append(Pad(state, 22)).Append(Pad(f.Value(r), 18))
                    .Append(Pad(f.Samples(r), 20)).AppendLine(f.Reason(r).TrimEnd());
            }
        }

        sb.AppendLine().AppendLine(zh
            ? "县域汇总（达标率区间：下限把无法判定的学校计为未达标，上限计为达标）："
            : "County aggregates (pass rate between all-UNKNOWN-fail and all-UNKNOWN-pass):");
        foreach (var a in evaluation.Aggregates)
        {
            sb.Append("  ").Append(Pad(a.Rule.Id, 52))
                .AppendLine(zh
                    ? $"达标 {a.Pass,3}  未达标 {a.Fail,3}  无法判定 {a.Unknown,3}  达标率 {a.BoundsText}"
                    : $"pass {a.Pass,4} fail {a.Fail,4} unknown {a.Unknown,4}  rate {a.BoundsText}");
        }

        return sb.ToString();
    }

    /// <summary>Pads to a display width: East Asian wide characters take two terminal columns.</summary>
    public static string Pad(string value, int width)
    {
        var columns = 0;
        foreach (var c in value)
        {
            columns += c >= '\u1100' && (c <= '\u115f' || (c >= '\u2e80' && c <= '\ua4cf') || (c >= '\uac00' && c <= '\ud7a3') || (c >= '\uf900' && c <= '\ufaff') || (c >= '\ufe30' && c <= '\ufe4f') || (c >= '\uff00' && c <= '\uff60') || (c >= '\uffe0' && c <= '\uffe6')) ? 2 : 1;
        }

        return value + new string(' ', Math.Max(1, width - columns));
    }
}
