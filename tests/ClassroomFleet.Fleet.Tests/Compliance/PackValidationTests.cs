using System.Text;
using ClassroomFleet.Fleet.Compliance.Metrics;
using ClassroomFleet.Fleet.Compliance.Packs;

namespace ClassroomFleet.Fleet.Tests.Compliance;

/// <summary>A pack with any of the defects of POLICY-TARGETS §5.5 is rejected with an error naming file, rule and field.</summary>
public sealed class PackValidationTests
{
    private const string Header = """
        schema: classroomfleet.rulepack/v1
        pack:
          id: tp
          version: 1.0.0
          title: { zh: 测试包 }
          issuer: { zh: 测试县教育局 }
          document_number: 测教〔2025〕1号
          jurisdiction: { admin_code: "410399" }
        rules:
        """;

    private const string GoodRule = """
          - id: tp.dev.pc
            title: { zh: 教师电脑 }
            source: { quote: 教师电脑1:1 }
            scope: { entity: site, all: [] }
            metric: { ref: ratio@1, params: { device_classes: [teacher_office_pc], denominator: teachers, orientation: per_person } }
            compare: { op: ">=", value: 1, unit: ratio }
            effective_from: 2025-01-01
            severity: major
        """;

    private static readonly RulePackLoader Loader = new(MetricCatalogue.Default);

    private static PackLoadResult Load(string yaml, string file = "tp.yaml") => Loader.Parse(Encoding.UTF8.GetBytes(yaml), file);

    [Fact]
    public void A_well_formed_pack_is_accepted()
    {
        var result = Load(Header + "\n" + GoodRule);
        Assert.True(result.Accepted, string.Join("\n", result.Errors));
        Assert.Equal("tp.dev.pc", Assert.Single(result.Pack!.Rules).Id);
    }

    public static TheoryData<string, string, string> Defects => new()
    {
        { "unknown metric", GoodRule.Replace("ratio@1", "ratio@9", StringComparison.Ordinal), "rule tp.dev.pc: unknown metric 'ratio@9'" },
        { "unknown parameter", GoodRule.Replace("orientation: per_person", "orientation: per_person, colour: red", StringComparison.Ordinal), "rule tp.dev.pc: metric: unknown parameter 'colour'" },
        { "bad choice", GoodRule.Replace("denominator: teachers", "denominator: parents", StringComparison.Ordinal), "parameter 'denominator' must be one of teachers, students" },
        { "unit mismatch", GoodRule.Replace("unit: ratio", "unit: persons/device", StringComparison.Ordinal), "rule tp.dev.pc: compare.unit: unit 'persons/device' does not match metric ratio@1" },
        { "missing quote", GoodRule.Replace("source: { quote: 教师电脑1:1 }", "source: { clause: 一 }", StringComparison.Ordinal), "rule tp.dev.pc: source.quote is required" },
        { "threshold not a number", GoodRule.Replace("value: 1,", "value: 一比一,", StringComparison.Ordinal), "rule tp.dev.pc: compare.value must be a number, not '一比一'" },
        { "threshold a list", GoodRule.Replace("value: 1,", "value: [1, 2],", StringComparison.Ordinal), "compare.value must be a number, not '(a list)'" },
        { "unknown scope field", GoodRule.Replace("all: []", "all: [ { field: site.colour, in: [red] } ]", StringComparison.Ordinal), "rule tp.dev.pc: scope.all[0]: unknown scope field 'site.colour'" },
        { "duplicate rule id", GoodRule + "\n" + GoodRule, "duplicate rule id 'tp.dev.pc'" },
        { "unknown key", GoodRule.Replace("severity: major", "severity: major\n    colour: red", StringComparison.Ordinal), "tp.yaml:" },
        { "bad date", GoodRule.Replace("2025-01-01", "2025/01/01", StringComparison.Ordinal), "effective_from must be a date yyyy-MM-dd" },
        { "bad window", GoodRule.Replace("severity: major", "severity: major\n    window: { last: 20 days }", StringComparison.Ordinal), "window.last must be 'N school_days'" },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public void A_defective_pack_is_rejected_with_an_error_naming_the_place(string defect, string rules, string expected)
    {
        var result = Load(Header + "\n" + rules);
        Assert.False(result.Accepted, defect);
        Assert.Null(result.Pack);
        Assert.Contains(result.Errors, e => e.Contains(expected, StringComparison.Ordinal) && e.StartsWith("tp.yaml", StringComparison.Ordinal));
    }

    [Fact]
    public void Megabytes_per_second_are_refused_as_a_bandwidth_unit()
    {
        var rule = """
              - id: tp.net.bw
                title: { zh: 带宽 }
                source: { quote: 出口带宽不小于10兆 }
                scope: { entity: site, all: [] }
                metric: { ref: egress_capacity_per_class@1 }
                compare: { op: ">=", value: 10, unit: MB/s }
                effective_from: 2017-12-31
                severity: major
            """;
        var result = Load(Header + "\n" + rule);
        Assert.Contains(result.Errors, e => e.Contains("megabytes per second (8 × Mbit/s)", StringComparison.Ordinal));
    }

    [Fact]
    public void Ratio_orientation_fixes_the_unit_so_a_reversed_students_per_computer_rule_is_refused()
    {
        var rule = GoodRule.Replace("denominator: teachers, orientation: per_person", "denominator: students, orientation: persons_per_device", StringComparison.Ordinal);
        Assert.Contains(Load(Header + "\n" + rule).Errors, e => e.Contains("which is in 'persons/device'", StringComparison.Ordinal));
    }

    [Fact]
    public void Circular_extends_rejects_the_packs_in_the_cycle_and_leaves_the_others()
    {
        var a = Load(Header.Replace("id: tp", "id: a", StringComparison.Ordinal).Replace("rules:", "  extends: [b]\nrules: []", StringComparison.Ordinal), "a.yaml");
        var b = Load(Header.Replace("id: tp", "id: b", StringComparison.Ordinal).Replace("rules:", "  extends: [a]\nrules: []", StringComparison.Ordinal), "b.yaml");
        var good = Load(Header + "\n" + GoodRule);
        Assert.True(a.Accepted && b.Accepted && good.Accepted);

        var set = RulePackSet.Build([a, b, good]);

        Assert.Equal(["tp"], set.Packs.Select(p => p.Id));
        Assert.Contains(set.Rejected, r => r.FileName == "a.yaml" && r.Errors.Any(e => e.Contains("circular extends: a → b → a", StringComparison.Ordinal)));
        Assert.Contains(set.Rejected, r => r.FileName == "b.yaml");
    }

    [Fact]
    public void A_rule_id_defined_by_two_packs_rejects_the_later_file()
    {
        var first = Load(Header + "\n" + GoodRule, "a.yaml");
        var second = Load(Header.Replace("id: tp", "id: tq", StringComparison.Ordinal) + "\n" + GoodRule.Replace("id: tp.dev.pc", "id: tq.dev.pc", StringComparison.Ordinal), "b.yaml");
        var clash = Load(Header.Replace("id: tp", "id: tr", StringComparison.Ordinal) + "\n" + GoodRule.Replace("id: tp.dev.pc", "id: tr.dev.pc", StringComparison.Ordinal) + "\n" + GoodRule.Replace("id: tp.dev.pc", "id: tr.dev.pc2", StringComparison.Ordinal), "c.yaml");
        var duplicatePack = Load(Header + "\n" + GoodRule.Replace("tp.dev.pc", "tp.dev.other", StringComparison.Ordinal), "d.yaml");

        var set = RulePackSet.Build([first, second, clash, duplicatePack]);

        Assert.Equal(["tp", "tq", "tr"], set.Packs.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.Contains(set.Rejected, r => r.FileName == "d.yaml" && r.Errors.Any(e => e.Contains("duplicate pack id 'tp'", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_repository_keeps_the_last_good_version_when_an_edit_breaks_a_pack()
    {
        var dir = Directory.CreateTempSubdirectory("cf-packs-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "tp.yaml"), Header + "\n" + GoodRule);
            var repository = new RulePackRepository(dir.FullName, MetricCatalogue.Default);
            Assert.Single(repository.Reload().Packs);

            File.WriteAllText(Path.Combine(dir.FullName, "tp.yaml"), Header + "\n" + GoodRule.Replace("ratio@1", "nonsense@1", StringComparison.Ordinal));
            var set = repository.Reload();

            Assert.Equal("ratio@1", Assert.Single(Assert.Single(set.Packs).Rules).Metric.Id);
            Assert.Equal(1, repository.Rejections);
            Assert.Contains(Assert.Single(repository.LastRejected).Errors, e => e.Contains("unknown metric 'nonsense@1'", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
