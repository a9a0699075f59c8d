using System.Text;
using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Fleet.Compliance.Metrics;
using ClassroomFleet.Fleet.Compliance.Packs;

namespace ClassroomFleet.Fleet.Tests.Compliance;

/// <summary>A county pack extends the city pack: override with reason and source, disable, exemption, later deadline.</summary>
public sealed class LayeringTests
{
    private const string CountyPack = """
        schema: classroomfleet.rulepack/v1
        pack:
          id: ly-410399
          version: 1.0.0
          title: { zh: 测试县补充规定 }
          issuer: { zh: 测试县教育局 }
          document_number: 测教〔2025〕8号
          jurisdiction: { admin_code: "410399" }
          extends: [ly15-265]
        rules:
          - id: ly-410399.dev.teacher-laptop
            title: { zh: 教师笔记本 }
            source: { quote: 每名教师配备一台笔记本电脑 }
            scope: { entity: site, all: [] }
            metric: { ref: ratio@1, params: { device_classes: [teacher_laptop], denominator: teachers, orientation: per_person } }
            compare: { op: ">=", value: 1, unit: ratio }
            effective_from: 2026-08-31
            severity: minor
        overrides:
          - rule: ly15-265.dev.teacher-office-pc
            compare: { op: ">=", value: 0.95, unit: ratio }
            reason: 2025年新进教师电脑随年底采购到位
            source: { document_number: 测教〔2025〕8号, quote: 教师办公电脑配置率暂按95%掌握 }
        disable:
          - rule: ly15-265.net.wifi.full-coverage
            reason: 本县未认定有条件学校
            source: { document_number: 测教〔2025〕8号, quote: 无线网络覆盖另行部署 }
        exemptions:
          - { rule: ly15-265.dev.computer-lab.one-seat-per-student, site: "4103990003", reason: 新建计算机教室2026年春季投用, approved_by: 县教育局电教馆, expires: 2026-03-31 }
        """;

    private static RulePackSet Packs()
    {
        var loader = new RulePackLoader(MetricCatalogue.Default);
        var results = Directory.EnumerateFiles(ComplianceTestData.PacksDirectory, "*.yaml").Select(loader.LoadFile).ToList();
        results.Add(loader.Parse(Encoding.UTF8.GetBytes(CountyPack), "ly-410399.yaml"));
        var set = RulePackSet.Build(results);
        Assert.True(set.Rejected.Count == 0, string.Join("\n", set.Rejected.SelectMany(r => r.Errors)));
        return set;
    }

    [Fact]
    public async Task County_pack_overrides_disables_and_exempts_without_code()
    {
        var set = Packs();
        var selected = set.ForCounty("410399");
        Assert.Equal(["cn-national", "ly-410399"], selected.Select(p => p.Pack.Id)); // ly15-265 is inside ly-410399

        var evaluation = await ComplianceTestData.EvaluateAsync(selected, ComplianceTestData.SyntheticTelemetry());

        var pc = evaluation.Result("4103990002", "ly15-265.dev.teacher-office-pc");
        Assert.Equal(ComplianceState.Pass, pc.State); // 99/100 passes the county's 0.95
        Assert.True(pc.Rule.Override!.Looser);
        Assert.Equal("测教〔2025〕8号", pc.Rule.Override.Source.DocumentNumber);
        // The inherited rule records the version and hash of the pack defining it, and the county pack it came through.
        var city = set.Find("ly15-265")!;
        Assert.Equal(("ly15-265", city.Version, city.Hash), (pc.Pack.Id, pc.Pack.Version, pc.Pack.Hash));
        Assert.Equal("ly-410399", pc.AppliedBy!.Id);
        Assert.Equal(set.Find("ly-410399")!.Hash, pc.AppliedBy.Hash);
        Assert.Equal("规则包 ly-410399 调整；标准由“师机比 1:1（每名专任教师至少 1 台）”改为“师机比 1:0.95（每名专任教师至少 0.95 台）”",
            new ClassroomFleet.Fleet.Compliance.Reports.ResultFormatter(ClassroomFleet.Fleet.Compliance.Reports.ReportText.Chinese).Override(pc.Rule));

        Assert.DoesNotContain(evaluation.Results, r => r.Rule.Id == "ly15-265.net.wifi.full-coverage");
        Assert.Contains(selected[1].Disabled, d => d.RuleId == "ly15-265.net.wifi.full-coverage");

        var lab = evaluation.Result("4103990003", "ly15-265.dev.computer-lab.one-seat-per-student");
        Assert.Equal(ComplianceState.Exempt, lab.State);
        Assert.Equal(ComplianceState.Fail, lab.Underlying);
        Assert.Equal(new DateOnly(2026, 3, 31), lab.Exemption!.Expires);

        var laptop = evaluation.Result("4103990001", "ly-410399.dev.teacher-laptop");
        Assert.Equal(ComplianceState.NotYetDue, laptop.State);
        Assert.Equal(ComplianceState.Fail, laptop.Underlying);
        Assert.Equal("0", laptop.Value!.Value.Display()); // progress shown before the deadline
    }

    [Fact]
    public async Task An_expired_exemption_no_longer_applies()
    {
        var selected = Packs().ForCounty("410399");
        var later = new DateTimeOffset(2026, 4, 8, 12, 0, 0, TimeSpan.FromHours(8));
        var evaluation = await ComplianceTestData.EvaluateAsync(selected, ComplianceTestData.SyntheticTelemetry(), later);
        Assert.Equal(ComplianceState.Fail, evaluation.Result("4103990003", "ly15-265.dev.computer-lab.one-seat-per-student").State);
    }

    [Fact]
    public void An_override_of_a_rule_the_chain_does_not_hold_rejects_only_the_county_pack()
    {
        var loader = new RulePackLoader(MetricCatalogue.Default);
        var results = Directory.EnumerateFiles(ComplianceTestData.PacksDirectory, "*.yaml").Select(loader.LoadFile).ToList();
        results.Add(loader.Parse(Encoding.UTF8.GetBytes(CountyPack.Replace("rule: ly15-265.dev.teacher-office-pc", "rule: ly15-265.dev.no-such-rule", StringComparison.Ordinal)), "ly-410399.yaml"));

        var set = RulePackSet.Build(results);

        Assert.Contains(Assert.Single(set.Rejected).Errors, e => e.Contains("override of 'ly15-265.dev.no-such-rule', which no extended pack defines", StringComparison.Ordinal));
        Assert.Equal(3, set.Packs.Count);
    }
}
