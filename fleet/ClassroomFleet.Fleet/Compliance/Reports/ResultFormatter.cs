using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Fleet.Compliance.Metrics;
using ClassroomFleet.Fleet.Compliance.Packs;

namespace ClassroomFleet.Fleet.Compliance.Reports;

/// <summary>
/// Thresholds, values, methods and windows as an auditor reads them: 师机比 1:1 and 生机比 6:1 as ratios, bandwidth per
/// class, 一人一机 as seats against the largest class, windows as dates and school days. Shared by the HTML report, the
/// 台账 CSV and the command line table.
/// </summary>
public sealed class ResultFormatter
{
    private readonly ReportText _t;
    private readonly Dictionary<string, Rule> _rules;

    /// <param name="text">The language.</param>
    /// <param name="rules">The rules evaluated, so that a county share can name its site rule by title.</param>
    public ResultFormatter(ReportText text, IEnumerable<Rule>? rules = null)
    {
        _t = text;
        _rules = (rules ?? []).DistinctBy(r => r.Id).ToDictionary(r => r.Id, StringComparer.Ordinal);
    }

    public ReportText Text => _t;

    /// <summary>The threshold in words, for example 「每班 ≥ 10 Mbit/s」, 「师机比 1:1（每名专任教师至少 1 台）」.</summary>
    public string Threshold(Rule rule)
    {
        var c = rule.Compare;
        var t = _t.Number(c.Threshold);
        var op = Symbol(c.Op);
        switch (rule.Compare.Unit)
        {
            case Units.MegabitPerSecond when rule.Metric.Name == "egress_capacity_per_class":
                return _t.Format(_t.Pick(("每班 {0} {1} Mbit/s", "{0} {1} Mbit/s per class")), [op, t]);
            case Units.MegabitPerSecond:
                return _t.Format(_t.Pick(("{0} {1} Mbit/s（按站点合计，不按班平均）", "{0} {1} Mbit/s (per site, not per class)")), [op, t]);
            case Units.Percent when rule.Metric.Name == "per_class_coverage" && c.Op is ComparisonOperator.GreaterOrEqual && c.Threshold == 100:
                return _t.Pick(("≥ 100%（每个班的教室都配备，即到班率 1:1）", "≥ 100% (every class's room equipped, 1:1)"));
            case Units.Percent:
                return $"{op} {t}%";
            case Units.Ratio when c.Op is ComparisonOperator.GreaterOrEqual:
                return _t.Format(_t.Pick(("{0} 1:{1}（每{2}至少 {1} 台）", "{0} 1:{1} (at least {1} per {2})")), [RatioName(rule), t, Person(rule)]);
            case Units.PersonsPerDevice when c.Op is ComparisonOperator.LessOrEqual:
                return _t.Format(_t.Pick(("{0} {1}:1（每台至多 {1} {2}）", "{0} {1}:1 (at most {1} {2} per device)")), [RatioName(rule), t, _t.Term("persons", Denominator(rule))]);
            case Units.Ratio or Units.PersonsPerDevice:
                return $"{RatioName(rule)} {op} {t}";
            case Units.RoomsPerHundredStudents:
                return _t.Format(_t.Pick(("每百名学生 {0} {1} 间", "{0} {1} rooms per 100 students")), [op, t]);
            case Units.Seats when c.Op is ComparisonOperator.GreaterOrEqual && c.Threshold == 0:
                return _t.Pick(("每间计算机教室的可用座位数 ≥ 使用该教室的最大班额（一人一机）", "working seats ≥ the largest class using the lab, in every lab"));
            case Units.Seats:
                return _t.Format(_t.Pick(("每间计算机教室：可用座位数 − 最大班额 {0} {1}", "every lab: seats − largest class {0} {1}")), [op, t]);
            default:
                return $"{op} {t} {c.Unit}";
        }
    }

    /// <summary>The value in the rule's own terms: 「41.67 Mbit/s」, 「1:0.99」, 「30:1」, 「缺 5 座」, 「80%–100%」.</summary>
    public string Value(RuleResult r)
    {
        if (r.Value is not { } v)
        {
            return "";
        }

        switch (r.Rule.Compare.Unit)
        {
            case Units.MegabitPerSecond:
                return v.Display() + " Mbit/s";
            case Units.Percent:
                return r.Upper is { } u && u != v ? $"{v.Display(1)}%–{u.Display(1)}%" : v.Display() + "%";
            case Units.Ratio when r.Rule.Parameters.Choice("orientation") == "per_person":
                return v.IsInfinite ? "—" : "1:" + v.Display();
            case Units.PersonsPerDevice:
                return v.IsInfinite ? _t.Pick(("无设备（∞）", "no devices (∞)")) : v.Display() + ":1";
            case Units.RoomsPerHundredStudents:
                return _t.Format(_t.Pick(("每百名学生 {0} 间", "{0} per 100 students")), [v.Display()]);
            case Units.Seats when v.Denominator == 1m:
                var margin = v.Numerator;
                return margin < 0
                    ? _t.Format(_t.Pick(("缺 {0} 座", "{0} seats short")), [_t.Number(-margin)])
                    : margin == 0 ? _t.Pick(("满足（座位数等于班额）", "met (seats = class size)"))
                    : _t.Format(_t.Pick(("满足（富余 {0} 座）", "met ({0} to spare)")), [_t.Number(margin)]);
            default:
                return $"{r.ValueText} {r.Rule.Compare.Unit}";
        }
    }

    public string Detail(RuleResult r) => r.Detail is { } d ? _t.Render(d) : "";

    public string Reason(RuleResult r) => r.Reason is { } reason && reason.Code != "OUT_OF_SCOPE" ? _t.Reason(reason) : "";

    public string Samples(RuleResult r) => r.SamplesRequired is { } need && need > 0
        ? _t.Format(_t.Pick(("{0} 次（至少 {1} 次）", "{0} (≥ {1})")), [r.SamplesUsed ?? 0, need])
        : "";

    /// <summary>The window: 「2026-11-04 至 2026-12-02，共 20 个上学日，每日 08:00–12:00、14:00–17:30（北京时间）」.</summary>
    public string Window(RuleResult r) => r.Rule.Window is null ? "" : Window(r.WindowDays);

    public string Window(EvaluationWindow? window)
    {
        if (window is null)
        {
            return _t.Pick(("校历未覆盖，无法确定统计窗口", "not covered by the school calendar"));
        }

        if (window.Days.Count == 0)
        {
            return _t.Pick(("无上学日", "no school days"));
        }

        var hours = window.Hours.Count == 0
            ? _t.Pick(("全天", "all day"))
            : string.Join(_t.ListSeparator, window.Hours.Select(h => $"{h.Start:HH\\:mm}–{h.End:HH\\:mm}"));
        return _t.Format(
            _t.Pick(("{0} 至 {1}，共 {2} 个上学日{3}，每日 {4}（北京时间）", "{0} to {1}, {2} school days{3}, {4} (UTC+8)")),
            [_t.Date(window.Days[0]), _t.Date(window.Days[^1]), window.Days.Count, window.SkipsExamDays ? _t.Pick(("（不含考试日）", " without exam days")) : "", hours]);
    }

    /// <summary>How the rule computes its value, from its metric and parameters.</summary>
    public string Method(Rule rule)
    {
        var p = rule.Parameters;
        string Devices(string name, string vocabulary = "deviceset") => string.Join(_t.ListSeparator, p.List(name).Select(c => _t.Term(vocabulary, c)));
        string Rooms(string name) => string.Join(_t.ListSeparator, p.List(name).Select(c => _t.Term("room", c)));
        string Mode() => _t.Term("count_mode", p.Choice("count_mode"));
        switch (rule.Metric.Name)
        {
            case "egress_capacity" or "egress_capacity_per_class":
                var capacity = p.Choice("capacity_basis") switch
                {
                    "contracted" => _t.Pick(("出口带宽按合同带宽计：主用与负载均衡线路之和，不含备用线路。", "Capacity is the contracted rate of the primary and load-balanced lines (standby lines excluded).")),
                    "measured" => _t.Format(_t.Pick(("出口带宽按实测计：统计窗口内上学时段主动测速（{0}）成功结果的中位数，至少 {1} 次、分布于至少 {2} 个上学日。", "Capacity is the median of successful active probes ({0}) in school hours of the window, at least {1} on at least {2} days.")),
                        [_t.Term("direction", p.Choice("direction")), p.MapValue("probe_min", "samples"), p.MapValue("probe_min", "distinct_days")]),
                    _ => _t.Format(_t.Pick(("核定出口带宽 = 合同带宽与“实测中位数 ÷ {0}”中的较小值。合同带宽为主用与负载均衡线路之和，不含备用线路；实测为统计窗口内上学时段主动测速（{1}）成功结果的中位数，至少 {2} 次、分布于至少 {3} 个上学日。测量位置：{4}。利用率不作为带宽。",
                        "Verified capacity = the lower of the contracted rate and measured median ÷ {0}. Contract: primary and load-balanced lines, standby excluded; measured: median of successful active probes ({1}) in school hours of the window, at least {2} on at least {3} school days; measured at {4}. Utilisation is never read as capacity.")),
                        [_t.Number(p.Number("measured_tolerance")), _t.Term("direction", p.Choice("direction")), p.MapValue("probe_min", "samples"), p.MapValue("probe_min", "distinct_days"), _t.Term("measure_at", p.Choice("measure_at"))]),
                };
                return rule.Metric.Name == "egress_capacity"
                    ? capacity + _t.Pick(("按站点整体计算，不按班平均；与中心校共用线路的教学点随中心校评价。", " Per site, not per class; a teaching point on its parent's line is judged with the parent."))
                    : capacity + _t.Pick(("再除以学籍登记的班级数（不是教室数或学生数）；共用本校线路的教学点，其班级数一并计入。", " Divided by the registered number of classes (not rooms, not students); classes of teaching points sharing the line are added."));
            case "ratio" when p.Choice("orientation") == "per_person":
                return _t.Format(_t.Pick(("统计{0}台数（{1}），与{2}相比，写作“{3} 人数:台数”；99 台对 100 人即 1:0.99，不四舍五入。", "Counts {0} ({1}) against {2}, written {3} persons:devices; 99 for 100 is 1:0.99, never rounded up.")),
                    [Devices("device_classes", "device"), Mode(), _t.Term("count", Denominator(rule).TrimEnd('s')), RatioName(rule)]);
            case "ratio":
                return _t.Format(_t.Pick(("{0}除以{1}台数（{2}），写作“{3} 人数:台数”，数值越小越好。", "{0} divided by the number of {1} ({2}), written {3} persons:devices; lower is better.")),
                    [_t.Term("count", Denominator(rule).TrimEnd('s')), Devices("device_classes", "device"), Mode(), RatioName(rule)]);
            case "room_coverage":
                return _t.Format(_t.Pick(("范围内在用教室（{0}）中，配有{1}的教室所占比例；{2}。停用教室（如装修）不计入；仅有投影机或电视机的教室不算配备。", "Share of in-use rooms ({0}) with {1}; {2}. Rooms out of use are excluded; a projector or TV alone does not count.")),
                    [Rooms("room_types"), Devices("device_classes"), Mode()]);
            case "per_class_coverage":
                return _t.Format(_t.Pick(("本班教室配有{0}的班级数 ÷ 学籍登记的班级数（按班级而不是教室统计）；{1}。", "Classes whose home room has {0} ÷ registered classes (per class, not per room); {1}.")),
                    [Devices("device_classes"), Mode()]);
            case "lab_seats_vs_max_class":
                var labTypes = p.List("lab_room_types") is [ "computer_lab" ] ? "" : _t.Format(_t.Pick(("（{0}）", " ({0})")), [Rooms("lab_room_types")]);
                return _t.Format(_t.Pick(("每间计算机教室{0}的可用座位数（{1}，不含损坏）与使用该教室的最大班额比较，取最紧张的一间；开设信息技术课但没有计算机教室的学校为未达标。", "Working seats ({1}, broken excluded) of every lab{0} against the largest class using it; the tightest lab counts; a school with IT courses and no lab fails.")),
                    [labTypes, Devices("seat_device_classes", "device")]);
            case "space_coverage":
                return _t.Format(_t.Pick(("范围内在用场所（{0}）中实现{1}的场所所占比例。", "Share of in-use spaces ({0}) with {1}.")),
                    [Rooms("room_types"), _t.Term("coverage", p.Choice("mode"))]);
            case "share_of_children":
                return _t.Format(_t.Pick(("县域内规则“{0}”达标学校所占比例。无法判定的学校按区间计：下限全部计为未达标，上限全部计为达标；结论在两端都满足标准时才为达标。不适用、未到期和豁免的学校不计入。", "Share of sites passing {0}. Unknown sites bound the share: all failing for the lower end, all passing for the upper; PASS only if both ends pass. N/A, not-yet-due and exempt sites are left out.")),
                    [_rules.TryGetValue(p.Text("child_rule"), out var child) ? _t.Text(child.Title) : p.Text("child_rule")]);
            default:
                return rule.Metric.Id;
        }
    }

    public string EffectiveFrom(Rule rule) => _t.Date(rule.EffectiveFrom);

    /// <summary>What a county pack changed: 「标准由 师机比 1:1 改为 师机比 1:0.95」, deadline and parameters.</summary>
    public string Override(Rule rule)
    {
        if (rule.Override is not { } o)
        {
            return "";
        }

        var parts = new List<string> { _t.Format(_t.Pick(("规则包 {0} 调整", "pack {0} changes")), [o.PackId]) };
        if (o.OriginalCompare is { } before)
        {
            parts.Add(_t.Format(_t.Pick(("标准由“{0}”改为“{1}”", "threshold {0} → {1}")), [Threshold(rule with { Compare = before }), Threshold(rule)]));
        }

        if (o.OriginalEffectiveFrom is { } from)
        {
            parts.Add(_t.Format(_t.Pick(("生效日期由 {0} 改为 {1}", "deadline {0} → {1}")), [_t.Date(from), _t.Date(rule.EffectiveFrom)]));
        }

        if (o.ChangedParameters.Count > 0)
        {
            parts.Add(_t.Format(_t.Pick(("计算参数调整：{0}", "parameters changed: {0}")), [string.Join(_t.ListSeparator, o.ChangedParameters)]));
        }

        return string.Join(_t.Pick(("；", "; ")), parts);
    }

    private string RatioName(Rule rule) => Denominator(rule) == "teachers" ? _t.Pick(("师机比", "teacher:computer")) : _t.Pick(("生机比", "student:computer"));

    private string Person(Rule rule) => Denominator(rule) == "teachers" ? _t.Pick(("名专任教师", "teacher")) : _t.Pick(("名学生", "student"));

    private static string Denominator(Rule rule) => rule.Parameters.All.TryGetValue("denominator", out var d) ? (string)d : "students";

    private static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.GreaterOrEqual => "≥",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.LessOrEqual => "≤",
        ComparisonOperator.Less => "<",
        _ => "=",
    };
}
