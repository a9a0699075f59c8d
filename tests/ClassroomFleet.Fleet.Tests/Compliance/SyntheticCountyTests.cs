using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Fleet.Compliance.Reports;
using static ClassroomFleet.Fleet.Compliance.Evaluation.ComplianceState;

namespace ClassroomFleet.Fleet.Tests.Compliance;

/// <summary>
/// Every shipped rule against the synthetic county (Resources/synthetic-county.yaml) at 2025-11-20 12:30, with the
/// verdicts worked out by hand in the comments of that file and below.
/// </summary>
public sealed class SyntheticCountyTests
{
    private static readonly Lazy<Task<CountyEvaluation>> Luoyang = new(() =>
        ComplianceTestData.EvaluateAsync([ComplianceTestData.ShippedPacks().Resolve("ly15-265")!, ComplianceTestData.ShippedPacks().Resolve("cn-national")!], ComplianceTestData.SyntheticTelemetry()));

    private static readonly Lazy<Task<CountyEvaluation>> Chengdu = new(() =>
        ComplianceTestData.EvaluateAsync([ComplianceTestData.ShippedPacks().Resolve("cd14-10")!], ComplianceTestData.SyntheticTelemetry()));

    public static TheoryData<string, string, ComplianceState, string?> Expected => new()
    {
        // 班均出口带宽, urban (≥ 10 Mbit/s per class)
        { "4103990001", "ly15-265.net.bw-per-class.urban", Pass, "10" },        // 300/30 = 10 exactly: 不小于 includes 10
        { "4103990002", "ly15-265.net.bw-per-class.urban", Fail, "9.68" },      // 300/31
        { "4103990008-east", "ly15-265.net.bw-per-class.urban", Pass, "10" },   // own line 200, own 20 classes
        { "4103990008-west", "ly15-265.net.bw-per-class.urban", Fail, "6.67" }, // min(200, 150/0.9)/25
        { "4103990010", "ly15-265.net.bw-per-class.urban", Unknown, "REGISTRY_STALE(class,537d)" },
        { "4103990013", "ly15-265.net.bw-per-class.urban", Unknown, "SCOPE_FIELD_MISSING(site.urban_rural_code)" }, // urban or rural cannot be told
        { "4103990003", "ly15-265.net.bw-per-class.urban", NotApplicable, "OUT_OF_SCOPE" },
        { "4103990005", "ly15-265.net.bw-per-class.urban", NotApplicable, "OUT_OF_SCOPE" },
        // rural (≥ 5 Mbit/s per class)
        { "4103990003", "ly15-265.net.bw-per-class.rural", Unknown, "INSUFFICIENT_SAMPLES(7/10)" },
        { "4103990004", "ly15-265.net.bw-per-class.rural", Unknown, "AGENT_OFFLINE" },
        { "4103990007", "ly15-265.net.bw-per-class.rural", NotApplicable, "NO_CLASSES" },
        { "4103990009", "ly15-265.net.bw-per-class.rural", Fail, "4.62" },      // 60/(10 + 3 shared teaching-point classes); S11, S12 have own lines
        { "4103990013", "ly15-265.net.bw-per-class.rural", Unknown, "SCOPE_FIELD_MISSING(site.urban_rural_code)" }, // never a silent N/A
        // teaching points (≥ 4 Mbit/s per site)
        { "4103990005", "ly15-265.net.bw.teaching-point", Pass, "10" },         // min(10, 9/0.9)
        { "4103990006", "ly15-265.net.bw.teaching-point", NotApplicable, "SHARED_UPLINK(4103990009)" },
        { "4103990001", "ly15-265.net.bw.teaching-point", NotApplicable, "OUT_OF_SCOPE" },
        { "4103990011", "ly15-265.net.bw.teaching-point", Pass, "4" },          // min(4, 3.6/0.9) = 4 exactly: 不小于 includes 4
        { "4103990012", "ly15-265.net.bw.teaching-point", Fail, "3" },          // min(3, 3.0/0.9)
        // Wi-Fi for 有条件 schools
        { "4103990001", "ly15-265.net.wifi.full-coverage", Pass, "100" },       // all 32 access points seen up in the window
        { "4103990002", "ly15-265.net.wifi.full-coverage", NotApplicable, "OUT_OF_SCOPE" },
        { "4103990004", "ly15-265.net.wifi.full-coverage", Unknown, "AGENT_OFFLINE" }, // 有条件, APs in 5 of 7 spaces, but none can be seen
        // teacher office PCs 1:1
        { "4103990001", "ly15-265.dev.teacher-office-pc", Pass, "1" },
        { "4103990002", "ly15-265.dev.teacher-office-pc", Fail, "0.99" },       // 99 PCs for 100 teachers
        { "4103990003", "ly15-265.dev.teacher-office-pc", Unknown, "REGISTRY_STALE(teacher,903d)" },
        { "4103990004", "ly15-265.dev.teacher-office-pc", Pass, "1.2" },
        { "4103990006", "ly15-265.dev.teacher-office-pc", Fail, "0" },
        { "4103990009", "ly15-265.dev.teacher-office-pc", Unknown, "NO_TEACHER_COUNT" },
        { "4103990013", "ly15-265.dev.teacher-office-pc", Unknown, "REGISTRY_FUTURE_DATED(teacher,2026-01-10)" }, // dated after the audit
        // interactive terminals in 100% of teaching rooms
        { "4103990001", "ly15-265.dev.interactive-terminal-coverage", Pass, "100" },
        { "4103990002", "ly15-265.dev.interactive-terminal-coverage", Fail, "96.88" }, // 31/32; projector-only music room; lab1 under renovation excluded
        { "4103990003", "ly15-265.dev.interactive-terminal-coverage", Fail, "50" },    // 12 whiteboards, projectors in 6 rooms: a whiteboard alone does not count
        { "4103990007", "ly15-265.dev.interactive-terminal-coverage", Unknown, "NO_ROOM_INVENTORY" },
        { "4103990008-east", "ly15-265.dev.interactive-terminal-coverage", Unknown, "NO_ROOM_INVENTORY" }, // no rooms recorded is missing data, not N/A
        // computer lab 一人一机
        { "4103990001", "ly15-265.dev.computer-lab.one-seat-per-student", Pass, "0" },
        { "4103990002", "ly15-265.dev.computer-lab.one-seat-per-student", Fail, "-5" },  // 40 working seats (1 broken) for 45
        { "4103990003", "ly15-265.dev.computer-lab.one-seat-per-student", Fail, "-40" }, // no lab at all
        { "4103990005", "ly15-265.dev.computer-lab.one-seat-per-student", NotApplicable, "NO_IT_COURSE" },
        { "4103990009", "ly15-265.dev.computer-lab.one-seat-per-student", Unknown, "NO_CLASS_SIZES" },
        // national: ≥ 100 Mbit/s per site
        { "4103990001", "cn-national.net.bw-100m", Pass, "300" },
        { "4103990005", "cn-national.net.bw-100m", Fail, "10" },
        { "4103990008-west", "cn-national.net.bw-100m", Pass, "166.67" },
        { "4103990009", "cn-national.net.bw-100m", Fail, "60" },               // the standby line does not count
        { "4103990007", "cn-national.net.bw-100m", Unknown, "AGENT_OFFLINE" },
        { "4103990013", "cn-national.net.bw-100m", Unknown, "NO_CONTRACT" },
        { "4103990003", "cn-national.net.access", Pass, "100" },               // 7 probes on 7 days meet 5/3; min(100, 95/0.9)
        // national county share: 10 PASS (S1 S2 S3 S5 S8e S8w S9 S10 S11 S12), 0 FAIL, 3 UNKNOWN (S4, S7 offline; S13 no contract),
        // S6 N/A (shared line) → between 10/13 = 76.9% and 100%, threshold 98% → UNKNOWN
        { "410399", "cn-national.agg.access-98", Unknown, "BOUNDS(76.9%..100%)" },
        // national (2017/2018 work points): schools (not teaching points) at ≥ 10 Mbit/s, and the county share of them
        { "4103990001", "cn-national.net.bw-10m", Pass, "300" },
        { "4103990009", "cn-national.net.bw-10m", Pass, "60" },
        { "4103990003", "cn-national.net.bw-10m", Unknown, "INSUFFICIENT_SAMPLES(7/10)" },
        { "4103990005", "cn-national.net.bw-10m", NotApplicable, "OUT_OF_SCOPE" },  // a teaching point: the text says 中小学 only
        // 6 PASS (S1 S2 S8e S8w S9 S10), 4 UNKNOWN (S3 7 probes, S4 S7 offline, S13 no contract) → 60%..100%
        { "410399", "cn-national.agg.bw-10m-70", Unknown, "BOUNDS(60%..100%)" },
        { "410399", "cn-national.agg.bw-10m-80", Unknown, "BOUNDS(60%..100%)" },
        // 教督〔2017〕6号: networked multimedia rooms per 100 students, primary ≥ 2.3, junior ≥ 2.4
        { "4103990002", "cn-national.env.mm-rooms-per-100.primary", Fail, "2.22" },  // 30 classrooms + lab2 = 31 rooms × 100 / 1395; projector-only music room and closed lab1 not counted
        { "4103990004", "cn-national.env.mm-rooms-per-100.primary", Pass, "3.89" },  // 6 classrooms + lab1 = 7 × 100 / 180
        { "4103990005", "cn-national.env.mm-rooms-per-100.primary", NotApplicable, "SMALL_TEACHING_POINT(18<50)" },
        { "4103990011", "cn-national.env.mm-rooms-per-100.primary", Unknown, "NO_STUDENT_COUNT" }, // under 50 or not cannot be told
        { "4103990003", "cn-national.env.mm-rooms-per-100.primary", NotApplicable, "OUT_OF_SCOPE" }, // nine-year school
        { "4103990001", "cn-national.env.mm-rooms-per-100.junior", Fail, "2.3" },    // 31 × 100 / 1350 = 2.296…
        { "4103990010", "cn-national.env.mm-rooms-per-100.junior", Unknown, "NO_STUDENT_COUNT" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public async Task Luoyang_and_national_rules_give_the_hand_computed_verdict(string site, string rule, ComplianceState state, string? valueOrReason)
    {
        var result = (await Luoyang.Value).Result(site, rule);
        Assert.Equal(state, result.State);
        if (state is Pass or Fail)
        {
            Assert.Equal(valueOrReason, result.Value!.Value.Display());
        }
        else
        {
            Assert.Equal(valueOrReason, result.Reason!.Text);
        }
    }

    public static TheoryData<string, string, ComplianceState, string?> ExpectedChengdu => new()
    {
        { "4103990001", "cd14-10.net.dual-coverage", Pass, "100" },
        { "4103990002", "cd14-10.net.dual-coverage", Fail, "0" },                // wired everywhere, no access point
        { "4103990006", "cd14-10.net.dual-coverage", Unknown, "SCOPE_FIELD_MISSING(site.stage)" }, // no stage: whether it is a 普通中小学 is unknown
        { "4103990001", "cd14-10.dev.teacher-computer-ratio", Pass, "1" },
        { "4103990002", "cd14-10.dev.teacher-computer-ratio", Fail, "0.99" },
        { "4103990001", "cd14-10.dev.multimedia-per-class", Pass, "100" },
        { "4103990002", "cd14-10.dev.multimedia-per-class", Fail, "96.77" },     // class 31's home room has only a projector
        { "4103990008-east", "cd14-10.dev.multimedia-per-class", Unknown, "NO_CLASS_ROOM_MAP" },
        { "4103990003", "cd14-10.dev.multimedia-per-class", Fail, "50" },        // whiteboard+projector in 6 of the 12 home rooms
        { "4103990001", "cd14-10.dev.student-computer-ratio", Fail, "30" },      // 1350 students / 45 PCs
        { "4103990004", "cd14-10.dev.student-computer-ratio", Pass, "6" },       // 180/30 = 6: 6:1 passes at exactly 6
        { "4103990003", "cd14-10.dev.student-computer-ratio", Fail, "∞" },       // no student computer at all
        { "4103990007", "cd14-10.dev.student-computer-ratio", Unknown, "NO_STUDENT_COUNT" },
    };

    [Theory]
    [MemberData(nameof(ExpectedChengdu))]
    public async Task Chengdu_rules_give_the_hand_computed_verdict(string site, string rule, ComplianceState state, string? valueOrReason)
    {
        var result = (await Chengdu.Value).Result(site, rule);
        Assert.Equal(state, result.State);
        Assert.Equal(valueOrReason, state is Pass or Fail ? result.Value!.Value.Display() : result.Reason!.Text);
    }

    [Fact]
    public async Task Every_unknown_carries_a_reason_and_no_unknown_input_becomes_a_pass()
    {
        var evaluation = await Luoyang.Value;
        Assert.All(evaluation.Results.Where(r => r.State is Unknown or NotApplicable), r => Assert.False(string.IsNullOrEmpty(r.Reason?.Text)));
        Assert.All(evaluation.Results.Where(r => r.State == Pass), r => Assert.NotNull(r.Value));

        // The sites whose data is missing or insufficient never pass a rule that needs that data.
        var offline = new[] { "4103990004", "4103990007" };
        Assert.All(evaluation.Results.Where(r => offline.Contains(r.Site) && r.Rule.Metric.UsesTelemetry(r.Rule.Parameters)), r => Assert.NotEqual(Pass, r.State));
        Assert.All(evaluation.Results.Where(r => r.Site == "4103990013" && r.Rule.Metric.Name.StartsWith("egress", StringComparison.Ordinal)), r => Assert.NotEqual(Pass, r.State)); // no contract
        Assert.All(evaluation.Results.Where(r => r.Site == "4103990003" && r.Rule.Metric.Name == "ratio" && r.Rule.Parameters.Choice("denominator") == "teachers"), r => Assert.Equal(Unknown, r.State)); // stale teacher count
    }

    [Fact]
    public async Task A_result_records_inputs_with_sources_and_dates_and_its_window()
    {
        var result = (await Luoyang.Value).Result("4103990001", "ly15-265.net.bw-per-class.urban");
        var zh = ReportText.Chinese;
        Assert.Contains(result.Inputs, i => zh.Input(i) == "班级数：30（学籍系统，截至 2025-09-01）");
        Assert.Contains(result.Inputs, i => zh.Input(i) == "合同线路 ct-1：下行 300 / 上行 50 Mbit/s，主用线路（中国电信合同2025-03，截至 2025-03-01）");
        Assert.Contains(result.Inputs, i => zh.Input(i) == "实测中位数：280 Mbit/s（采集代理遥测：iperf3/HTTP 主动测速）");
        Assert.Contains(result.Inputs, i => zh.Input(i) == "城乡分类代码：111 主城区，属城镇（国家统计局统计用城乡划分代码，2024年）");
        Assert.Equal("核定带宽取合同 300 与实测 280 ÷ 0.9 = 311.11 中的较小者，即 300 Mbit/s；÷ 30 个班", zh.Render(result.Detail!));
        Assert.Equal(10, result.SamplesUsed);
        Assert.Equal(10, result.SamplesRequired);
        Assert.Equal("2025-10-24..2025-11-20 (20 school days without exam days, 08:00-12:00, 14:00-17:30)", result.Window);
        Assert.Equal("2025-10-24 至 2025-11-20，共 20 个上学日（不含考试日），每日 08:00–12:00、14:00–17:30（北京时间）", new ResultFormatter(zh).Window(result));
        Assert.Equal(64, result.Pack.Hash.Length);
        Assert.Equal("1.2.0", result.Pack.Version);
    }

    [Fact]
    public async Task County_aggregate_bounds_the_pass_rate_by_the_unknowns()
    {
        var aggregate = (await Luoyang.Value).Aggregates.Single(a => a.Rule.Id == "ly15-265.net.bw-per-class.urban");
        // S1, S8-east PASS; S2, S8-west FAIL; S10 (stale classes) and S13 (no urban-rural code) UNKNOWN → n = 6, between 2/6 and 4/6
        Assert.Equal((2, 2, 2), (aggregate.Pass, aggregate.Fail, aggregate.Unknown));
        Assert.Equal("33.3%–66.7%", aggregate.BoundsText);
    }
}
