using System.Globalization;
using System.Text;
using ClassroomFleet.Fleet.Compliance.Evaluation;

namespace ClassroomFleet.Cli;

/// <summary>Audit results as a plain-text table for a terminal.</summary>
public static class AuditTable
{
    public static string Render(CountyEvaluation evaluation)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{evaluation.County.Name} ({evaluation.County.Code}) at {evaluation.At:yyyy-MM-dd HH:mm zzz}, calendar {evaluation.CalendarId}");
        foreach (var group in evaluation.Results.Where(r => r.Reason?.Code != "OUT_OF_SCOPE").GroupBy(r => r.Rule.Id))
        {
            var rule = group.First().Rule;
            sb.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{rule.Id}  {rule.Compare.Symbol} {rule.Compare.Threshold.ToString(CultureInfo.InvariantCulture)} {rule.Compare.Unit}  {rule.Source.DocumentNumber} 「{rule.Source.Quote}」");
            foreach (var r in group)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  {r.Site,-18} {r.State.Code(),-14} {r.ValueText,12} {(r.SamplesUsed is { } n ? $"{n}/{r.SamplesRequired}" : ""),7}  {r.Reason?.Text}");
            }
        }

        var bounds = evaluation.Aggregates.Select(a => $"  {a.Rule.Id,-52} pass {a.Pass,4} fail {a.Fail,4} unknown {a.Unknown,4}  rate {a.BoundsText}");
        sb.AppendLine().AppendLine("County aggregates (pass rate between all-UNKNOWN-fail and all-UNKNOWN-pass):").AppendJoin(Environment.NewLine, bounds).AppendLine();
        return sb.ToString();
    }
}
