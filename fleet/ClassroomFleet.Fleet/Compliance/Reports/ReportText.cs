using ClassroomFleet.Fleet.Compliance.Evaluation;

namespace ClassroomFleet.Fleet.Compliance.Reports;

/// <summary>Labels of the ledger and the audit report in Chinese (default) or English.</summary>
public sealed class ReportText
{
    public static readonly ReportText Chinese = new(false);
    public static readonly ReportText English = new(true);

    private ReportText(bool english) => IsEnglish = english;

    public bool IsEnglish { get; }

    public string Lang => IsEnglish ? "en" : "zh-CN";

    public string this[string key] => IsEnglish ? key : Zh.GetValueOrDefault(key, key);

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

    private static readonly Dictionary<string, string> Zh = new(StringComparer.Ordinal)
    {
        ["Compliance audit report"] = "教育信息化达标审计报告",
        ["County"] = "县（市、区）",
        ["Evaluated at"] = "评估时点",
        ["Calendar"] = "校历",
        ["Packs"] = "规则包",
        ["Rule"] = "规则",
        ["Basis"] = "依据",
        ["Source"] = "出处",
        ["line"] = "行",
        ["Threshold"] = "标准",
        ["In scope"] = "适用学校",
        ["Pass rate (bounds)"] = "达标率（区间）",
        ["School"] = "学校",
        ["Site"] = "学校代码",
        ["State"] = "结论",
        ["Value"] = "数值",
        ["Unit"] = "单位",
        ["Method"] = "计算方法",
        ["Window"] = "统计窗口",
        ["Samples"] = "样本数",
        ["Inputs"] = "输入与来源",
        ["Reason"] = "原因",
        ["Clause"] = "条款",
        ["Quote"] = "原文",
        ["Document"] = "文号",
        ["Severity"] = "严重程度",
        ["Override"] = "本地调整",
        ["looser than the source"] = "低于原标准",
        ["Disabled rules"] = "本地停用的规则",
        ["Exemption"] = "豁免",
        ["expires"] = "有效期至",
        ["Summary"] = "汇总",
        ["Data quality"] = "数据质量",
        ["County aggregate"] = "县域汇总",
        ["Reading"] = "解读",
        ["Effective from"] = "生效日期",
        ["Missing data is never counted as compliant; the pass rate is shown as an interval over the schools that cannot be judged."] =
            "缺失数据一律不计为达标；达标率以区间表示：下限把无法判定的学校全部计为未达标，上限全部计为达标。",
        ["Pack hash"] = "规则包校验值",
    };
}
