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
        { "bad exam days", GoodRule.Replace("severity: major", "severity: major\n    window: { last: 20 school_days, exam_days: skip }", StringComparison.Ordinal), "window.exam_days must be include or exclude" },
        { "device class typo", GoodRule.Replace("[teacher_office_pc]", "[teacher_ofice_pc]", StringComparison.Ordinal), "parameter 'device_classes': unknown device class 'teacher_ofice_pc'" },
        { "device set in a per-device list", GoodRule.Replace("[teacher_office_pc]", "[teacher_office_pc+projector]", StringComparison.Ordinal), "joins classes with '+', which this parameter does not allow" },
        { "room type typo", RoomRule("[ordinary, clasroom]", "[interactive_flat_panel]"), "parameter 'room_types': unknown room type 'clasroom'" },
        { "device set typo", RoomRule("[ordinary]", "[interactive_whiteboard+projecter]"), "unknown device class 'projecter'" },
        { "scope value typo", GoodRule.Replace("all: []", "all: [ { field: site.stage, in: [primery] } ]", StringComparison.Ordinal), "'primery' is not a value of site.stage" },
        { "urban-rural prefix", GoodRule.Replace("all: []", "all: [ { field: site.urban_rural_code, prefix: \"3\" } ]", StringComparison.Ordinal), "'3' is not the start of any value of site.urban_rural_code" },
        { "reading without chinese", GoodRule.Replace("severity: major", "severity: major\n    reading: { en: English only }", StringComparison.Ordinal), "rule tp.dev.pc: reading.zh is required" },
    };

    private static string RoomRule(string rooms, string devices) => $$"""
          - id: tp.dev.room
            title: { zh: 教室终端 }
            source: { quote: 教室终端100% }
            scope: { entity: site, all: [] }
            metric: { ref: room_coverage@1, params: { room_types: {{rooms}}, device_classes: {{devices}} } }
            compare: { op: ">=", value: 100, unit: "%" }
            effective_from: 2025-01-01
            severity: major
        """;

    [Fact]
    public void A_whiteboard_and_projector_set_is_a_valid_device_entry()
    {
        var result = Load(Header + "\n" + RoomRule("[ordinary, recording]", "[interactive_flat_panel, interactive_whiteboard+projector]"));
        Assert.True(result.Accepted, string.Join("\n", result.Errors));
    }

    [Fact]
    public void A_county_share_of_a_rule_the_pack_does_not_hold_is_rejected_when_the_packs_are_layered()
    {
        var share = """
              - id: tp.agg.share
                title: { zh: 县域比例 }
                source: { quote: 百分之九十以上 }
                scope: { entity: county, all: [] }
                metric: { ref: share_of_children@1, params: { child_rule: tp.dev.no-such-rule } }
                compare: { op: ">=", value: 90, unit: "%" }
                effective_from: 2025-01-01
                severity: major
            """;
        var pack = Load(Header + "\n" + GoodRule + "\n" + share);
        Assert.True(pack.Accepted, string.Join("\n", pack.Errors));

        var set = RulePackSet.Build([pack]);

        Assert.Empty(set.Packs);
        Assert.Contains(Assert.Single(set.Rejected).Errors, e => e.Contains("share_of_children@1 reads rule 'tp.dev.no-such-rule'", StringComparison.Ordinal));
        Assert.Single(RulePackSet.Build([Load(Header + "\n" + GoodRule + "\n" + share.Replace("tp.dev.no-such-rule", "tp.dev.pc", StringComparison.Ordinal))]).Packs);
    }

    [Fact]
    public void A_new_file_reusing_a_shipped_pack_id_is_rejected_and_the_shipped_pack_stays_even_if_its_name_sorts_first()
    {
        var dir = Directory.CreateTempSubdirectory("cf-packs-");
        try
        {
            var shipped = File.ReadAllText(Path.Combine(ComplianceTestData.PacksDirectory, "ly15-265.yaml"));
            File.WriteAllText(Path.Combine(dir.FullName, "ly15-265.yaml"), shipped);
            var impostor = shipped.Replace("value: 10, unit: Mbit/s", "value: 1, unit: Mbit/s", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(dir.FullName, "aaa.yaml"), impostor);
            var repository = new RulePackRepository(dir.FullName, MetricCatalogue.Default);

            var first = repository.Reload();
            Assert.Equal("ly15-265.yaml", Assert.Single(first.Packs).FileName);
            Assert.Contains(Assert.Single(repository.LastRejected, r => r.FileName == "aaa.yaml").Errors,
                e => e.Contains("duplicate pack id 'ly15-265' (already loaded from ly15-265.yaml)", StringComparison.Ordinal));

            // On reload, even when the pack in force is broken by an edit, the newcomer does not take its id.
            File.WriteAllText(Path.Combine(dir.FullName, "ly15-265.yaml"), shipped.Replace("egress_capacity_per_class@1", "nonsense@1", StringComparison.Ordinal));
            var second = repository.Reload();
            var pack = Assert.Single(second.Packs);
            Assert.Equal("ly15-265.yaml", pack.FileName);
            Assert.Equal(10m, pack.Rules.Single(r => r.Id == "ly15-265.net.bw-per-class.urban").Compare.Threshold);
            Assert.Contains(repository.LastRejected, r => r.FileName == "aaa.yaml" && r.Errors.Any(e => e.Contains("duplicate pack id", StringComparison.Ordinal)));
            Assert.Contains(repository.LastRejected, r => r.FileName == "ly15-265.yaml");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void On_reload_the_pack_in_force_keeps_its_id_against_a_newcomer_whose_name_sorts_first()
    {
        var dir = Directory.CreateTempSubdirectory("cf-packs-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "zz-county.yaml"), Header + "\n" + GoodRule);
            var repository = new RulePackRepository(dir.FullName, MetricCatalogue.Default);
            Assert.Equal("zz-county.yaml", Assert.Single(repository.Reload().Packs).FileName);

            File.WriteAllText(Path.Combine(dir.FullName, "00-new.yaml"), Header + "\n" + GoodRule.Replace("severity: major", "severity: minor", StringComparison.Ordinal));
            var set = repository.Reload();

            var pack = Assert.Single(set.Packs);
            Assert.Equal("zz-county.yaml", pack.FileName);
            Assert.Equal(Severity.Major, Assert.Single(pack.Rules).Severity);
            Assert.Contains(Assert.Single(repository.LastRejected).Errors, e => e.Contains("00-new.yaml: duplicate pack id 'tp' (already loaded from zz-county.yaml)", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

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

        // Pack "tp.dev" may name its rules "tp.dev.…", so it can define the rule id "tp.dev.pc" that pack "tp" already has.
        var ruleClash = Load(Header.Replace("id: tp", "id: tp.dev", StringComparison.Ordinal) + "\n" + GoodRule, "e.yaml");
        Assert.True(ruleClash.Accepted, string.Join("\n", ruleClash.Errors));

        var set = RulePackSet.Build([first, second, clash, duplicatePack, ruleClash]);

        Assert.Equal(["tp", "tq", "tr"], set.Packs.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.Contains(set.Rejected, r => r.FileName == "d.yaml" && r.Errors.Any(e => e.Contains("duplicate pack id 'tp'", StringComparison.Ordinal)));
        Assert.Contains(set.Rejected, r => r.FileName == "e.yaml" && r.Errors.Any(e => e.Contains("rule tp.dev.pc: duplicate rule id (already defined in a.yaml)", StringComparison.Ordinal)));
        Assert.Equal("a.yaml", set.Packs.Single(p => p.Rules.Any(r => r.Id == "tp.dev.pc")).FileName);
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
