using System.Text;
using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Fleet.Compliance.Reports;
using ClassroomFleet.Influx.LineProtocol;
using static ClassroomFleet.Fleet.Compliance.Evaluation.ComplianceState;

namespace ClassroomFleet.Fleet.Tests.Compliance;

/// <summary>Facts-only audits, undated class lists, vocabulary checks of the facts, and the shape of the compliance points.</summary>
public sealed class EvaluationEdgeCaseTests
{
    [Fact]
    public void Without_telemetry_the_telemetry_rules_are_unknown_and_the_inventory_rules_are_still_judged()
    {
        var packs = new[] { ComplianceTestData.ShippedPacks().Resolve("ly15-265")! };
        var evaluation = ComplianceEvaluator.Evaluate(ComplianceTestData.County(), packs, MeasurementSet.NotRead(ComplianceTestData.At, ComplianceTestData.At), ComplianceTestData.Calendar, ComplianceTestData.At);

        Assert.False(evaluation.TelemetryRead);
        var urban = evaluation.Result("4103990001", "ly15-265.net.bw-per-class.urban");
        Assert.Equal((Unknown, "NO_TELEMETRY"), (urban.State, urban.Reason!.Text));
        Assert.Equal("本次审计未读取遥测数据（未连接 InfluxDB）", ReportText.Chinese.Reason(urban.Reason));
        Assert.Equal(Pass, evaluation.Result("4103990001", "ly15-265.dev.teacher-office-pc").State);
        Assert.Equal(Fail, evaluation.Result("4103990002", "ly15-265.dev.computer-lab.one-seat-per-student").State);
        Assert.Equal(NotApplicable, evaluation.Result("4103990003", "ly15-265.net.bw-per-class.urban").State); // out of scope stays out of scope
    }

    [Fact]
    public async Task An_undated_class_list_makes_the_lab_rule_unknown()
    {
        var yaml = File.ReadAllText(ComplianceTestData.CountyFile);
        var first = yaml.IndexOf("    class_list_as_of: 2025-09-01\n", StringComparison.Ordinal);
        var county = CountyFactsParser.Parse(yaml.Remove(first, "    class_list_as_of: 2025-09-01\n".Length), "undated.yaml");
        var packs = new[] { ComplianceTestData.ShippedPacks().Resolve("ly15-265")! };
        var measurements = await new InMemoryMeasurementSource().GetAsync("410399", ComplianceTestData.At.AddDays(-60), ComplianceTestData.At);

        var result = ComplianceEvaluator.Evaluate(county, packs, measurements, ComplianceTestData.Calendar, ComplianceTestData.At)
            .Result("4103990001", "ly15-265.dev.computer-lab.one-seat-per-student");

        Assert.Equal((Unknown, "CLASS_LIST_UNDATED"), (result.State, result.Reason!.Text));
    }

    [Fact]
    public async Task A_contract_dated_after_the_audit_instant_does_not_count_as_capacity()
    {
        var yaml = File.ReadAllText(ComplianceTestData.CountyFile).Replace("as_of: 2025-03-01, source: 中国电信合同2025-03", "as_of: 2026-03-01, source: 中国电信合同2026-03", StringComparison.Ordinal);
        var county = CountyFactsParser.Parse(yaml, "future-contract.yaml");
        var packs = new[] { ComplianceTestData.ShippedPacks().Resolve("ly15-265")! };
        var measurements = await ComplianceTestData.SyntheticTelemetry().GetAsync("410399", ComplianceTestData.At.AddDays(-60), ComplianceTestData.At);

        var result = ComplianceEvaluator.Evaluate(county, packs, measurements, ComplianceTestData.Calendar, ComplianceTestData.At)
            .Result("4103990001", "ly15-265.net.bw-per-class.urban");

        Assert.Equal((Unknown, "CONTRACT_FUTURE_DATED(2026-03-01)"), (result.State, result.Reason!.Text));
        Assert.Contains(result.Inputs, i => ReportText.Chinese.Input(i).Contains("合同日期晚于评估时点，未计入", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_access_point_on_record_but_never_seen_up_does_not_cover_its_room()
    {
        // 第一初级中学's probes, and every one of its access points up except ap-17.
        var source = new InMemoryMeasurementSource();
        ComplianceTestData.AddDailyProbes(source, "4103990001", 10, 280);
        ComplianceTestData.AddDailyHeartbeats(source, "4103990001", [.. Enumerable.Range(1, 30).Where(n => n != 17).Select(n => $"ap-{n}"), "ap-lab1", "ap-office1"], 20);
        var packs = new[] { ComplianceTestData.ShippedPacks().Resolve("ly15-265")! };

        var result = (await ComplianceTestData.EvaluateAsync(packs, source)).Result("4103990001", "ly15-265.net.wifi.full-coverage");

        Assert.Equal((Fail, "96.88"), (result.State, result.Value!.Value.Display())); // 31 of 32 spaces
        Assert.Contains(result.Inputs, i => ReportText.Chinese.Input(i).Contains("c17", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_multimedia_room_without_a_port_or_an_access_point_is_not_a_networked_multimedia_room()
    {
        // The teaching point 张庄 with 60 students instead of 18 is assessed (50 or more); its two classrooms have panels
        // but neither an access port nor an access point.
        var yaml = File.ReadAllText(ComplianceTestData.CountyFile).Replace("students: { value: 18,", "students: { value: 60,", StringComparison.Ordinal);
        var county = CountyFactsParser.Parse(yaml, "bigger-teaching-point.yaml");
        var packs = new[] { ComplianceTestData.ShippedPacks().Resolve("cn-national")! };
        var measurements = await ComplianceTestData.SyntheticTelemetry().GetAsync("410399", ComplianceTestData.At.AddDays(-60), ComplianceTestData.At);

        var result = ComplianceEvaluator.Evaluate(county, packs, measurements, ComplianceTestData.Calendar, ComplianceTestData.At)
            .Result("4103990005", "cn-national.env.mm-rooms-per-100.primary");

        Assert.Equal((Fail, "0"), (result.State, result.Value!.Value.Display()));
        Assert.Contains(result.Inputs, i => ReportText.Chinese.Input(i).StartsWith("网络多媒体教室数（配备多媒体设备且有信息端口或无线接入点）：0", StringComparison.Ordinal));
        Assert.Equal("每百名学生 ≥ 2.3 间", new ResultFormatter(ReportText.Chinese).Threshold(result.Rule));
    }

    [Theory]
    [InlineData("class: student_pc, room: lab1, count: 45", "class: studnet_pc, room: lab1, count: 45", "unknown device class 'studnet_pc'")]
    [InlineData("type: computer_lab, wired_ports: 4", "type: computerlab, wired_ports: 4", "unknown room type 'computerlab'")]
    [InlineData("urban_rural_code: \"111\"", "urban_rural_code: \"113\"", "urban_rural_code '113' is not an NBS class code")]
    [InlineData("stage: junior", "stage: middle", "unknown stage 'middle'")]
    public void County_facts_with_a_code_outside_the_vocabulary_are_refused(string from, string to, string error)
    {
        var yaml = File.ReadAllText(ComplianceTestData.CountyFile);
        var at = yaml.IndexOf(from, StringComparison.Ordinal);
        var broken = yaml.Remove(at, from.Length).Insert(at, to);
        var e = Assert.Throws<CountyFactsLoadException>(() => CountyFactsParser.Parse(broken, "typo.yaml"));
        Assert.Contains(error, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compliance_point_keeps_the_verdict_in_a_field_on_a_stable_series()
    {
        var packs = new[] { ComplianceTestData.ShippedPacks().Resolve("ly15-265")! };
        var result = (await ComplianceTestData.EvaluateAsync(packs, ComplianceTestData.SyntheticTelemetry())).Result("4103990002", "ly15-265.dev.teacher-office-pc");
        using var buffer = new LineProtocolBuffer();
        ComplianceLineProtocol.Write(buffer, result);
        var line = Encoding.UTF8.GetString(buffer.WrittenMemory.Span);

        var series = line[..line.IndexOf(' ', StringComparison.Ordinal)];
        Assert.Equal("compliance,county=410399,pack=ly15-265,rule=ly15-265.dev.teacher-office-pc,school=4103990002", series);
        Assert.Contains(" state=\"FAIL\",pass=0i,fail=1i,unknown=0i,", line, StringComparison.Ordinal);
        Assert.Contains($"pack_version=\"1.2.0\",pack_hash=\"{result.Pack.Hash}\"", line, StringComparison.Ordinal);
        Assert.Contains("value=0.99", line, StringComparison.Ordinal);
    }
}
