using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Fleet.Compliance.Metrics;
using ClassroomFleet.Fleet.Compliance.Packs;

namespace ClassroomFleet.Fleet.Compliance.Reports;

/// <summary>
/// Everything the ledger, the audit report and the command line show people, in Chinese (default) or English: labels,
/// states, severities, reasons, and the phrases metrics produce (input names, values, sources, data-quality notes).
/// </summary>
public sealed partial class ReportText
{
    public static readonly ReportText Chinese = new(false);
    public static readonly ReportText English = new(true);

    private ReportText(bool english) => IsEnglish = english;

    public bool IsEnglish { get; }

    public string Lang => IsEnglish ? "en" : "zh-CN";

    /// <summary>The list separator: 、 in Chinese.</summary>
    public string ListSeparator => IsEnglish ? ", " : "、";

    public string this[string key] => IsEnglish ? key : ReportLabels.Zh.GetValueOrDefault(key, key);

    public string State(ComplianceState state) => IsEnglish
        ? state.Code()
        : state switch
        {
            ComplianceState.Pass => "达标",
            ComplianceState.Fail => "未达标",
            ComplianceState.Unknown => "无法判定",
            ComplianceState.NotApplicable => "不适用",
            ComplianceState.NotYetDue => "未到期",
            _ => "豁免",
        };

    /// <summary>What a state means, for the legend at the top of the report.</summary>
    public string StateMeaning(ComplianceState state) => Pick(state switch
    {
        ComplianceState.Pass => ("数据充分，且数值满足标准。", "The data suffice and the value meets the target."),
        ComplianceState.Fail => ("数据充分，但数值未满足标准。", "The data suffice and the value misses the target."),
        ComplianceState.Unknown => ("数据缺失、过期或不足，无法判定；一律不计为达标，原因见“原因/说明”。", "Data missing, stale or insufficient; never counted as compliant. See the reason."),
        ComplianceState.NotApplicable => ("规则不适用于该校（如无在册班级、未开设信息技术课）。", "The rule does not apply to the site (no classes, no IT course…)."),
        ComplianceState.NotYetDue => ("规则尚未到生效日期；数值仅作进度参考。", "The rule's deadline has not passed; the value shows progress."),
        _ => ("经批准豁免，有效期内不计为未达标，但也不计为达标。", "Waived by approval until it expires; never reported as PASS."),
    });

    public string Severity(Severity severity) => Pick(severity switch
    {
        Packs.Severity.Critical => ("严重", "critical"),
        Packs.Severity.Major => ("重要", "major"),
        Packs.Severity.Minor => ("一般", "minor"),
        _ => ("提示", "info"),
    });

    public string Text(LocalizedText text) => text.For(IsEnglish);

    public string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Renders a phrase: its template in this language with the arguments filled in.</summary>
    public string Render(Phrase phrase)
    {
        if (phrase.IsPlain)
        {
            return (string)phrase.Args[0];
        }

        var colon = phrase.Key.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            return Term(phrase.Key[..colon], phrase.Key[(colon + 1)..]);
        }

        return Format(Template(phrase.Key), phrase.Args);
    }

    /// <summary>A reason in words, with its numbers, for example 「测速样本不足：窗口内成功 7 次，至少需要 10 次」.</summary>
    public string Reason(Reason reason)
    {
        string text;
        if (ReportPhrases.Catalogue.ContainsKey("reason." + reason.Code))
        {
            text = Format(Template("reason." + reason.Code), reason.Args);
        }
        else if (MissingCount().IsMatch(reason.Code))
        {
            text = Format(Template("reason.NO_COUNT"), reason.Args);
        }
        else
        {
            text = reason.Text;
        }

        return reason.Site is { } site ? text + Format(Template("reason.at_site"), [site]) : text;
    }

    /// <summary>An input as one line: 「班级数：24（学籍系统，截至 2026-09-01）」.</summary>
    public string Input(EvidenceInput input)
    {
        var source = Render(input.Source);
        var where = input.AsOf is { } asOf
            ? (source.Length > 0 ? Format(Template("input.source_dated"), [source, Date(asOf)]) : Format(Template("input.dated"), [Date(asOf)]))
            : source.Length > 0 ? Format(Template("input.source"), [source]) : "";
        return Format(Template("input.line"), [Render(input.Label), Render(input.Value), where]);
    }

    public string Term(string vocabulary, string code)
    {
        var labels = vocabulary switch
        {
            "device" => InventoryVocabulary.DeviceClasses,
            "room" => InventoryVocabulary.RoomTypes,
            "stage" => InventoryVocabulary.Stages,
            "kind" => InventoryVocabulary.SiteKinds,
            "ownership" => InventoryVocabulary.Ownerships,
            "urc" => InventoryVocabulary.UrbanRuralCodes,
            _ => null,
        };
        if (labels is not null)
        {
            return labels.TryGetValue(code, out var label) ? Text(label) : code;
        }

        if (vocabulary == "deviceset")
        {
            var parts = code.Split('+');
            return parts.Length == 1 ? Term("device", code) : string.Join(IsEnglish ? " + " : "＋", parts.Select(p => Term("device", p))) + Pick(("（同一教室）", " (in the same room)"));
        }

        return ReportPhrases.Catalogue.TryGetValue($"{vocabulary}:{code}", out var term) ? Pick(term) : code;
    }

    public string Pick((string Zh, string En) text) => IsEnglish ? text.En : text.Zh;

    public string Format(string template, IReadOnlyList<object> args) =>
        args.Count == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, [.. args.Select(Arg)]);

    public string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private string Template(string key) => ReportPhrases.Catalogue.TryGetValue(key, out var t) ? Pick(t) : key;

    private string Arg(object arg) => arg switch
    {
        Phrase p => Render(p),
        LocalizedText t => Text(t),
        string s => s,
        decimal d => d.ToString("0.###", CultureInfo.InvariantCulture),
        double d => d.ToString("0.##", CultureInfo.InvariantCulture),
        DateOnly date => Date(date),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable list => string.Join(ListSeparator, list.Cast<object>().Select(Arg)),
        _ => arg.ToString() ?? "",
    };

    [GeneratedRegex("^NO_[A-Z_]+_COUNT$")]
    private static partial Regex MissingCount();
}
