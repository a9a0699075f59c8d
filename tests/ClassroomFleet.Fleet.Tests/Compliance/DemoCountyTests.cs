using ClassroomFleet.Fleet.Compliance;
using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Fleet.Compliance.Inputs;
using static ClassroomFleet.Fleet.Compliance.Evaluation.ComplianceState;

namespace ClassroomFleet.Fleet.Tests.Compliance;

/// <summary>The demo county 410323 (新安县) shipped in Compliance/demo: every shipped rule reaches a verdict there.</summary>
public sealed class DemoCountyTests
{
    // Thursday in the spring term, inside the 2025-2026 calendar, so windowed rules have 20 school days to look at.
    private static readonly DateTimeOffset At = new(2026, 6, 18, 12, 30, 0, ChinaTime.Offset);

    private static string DemoFile => Path.Combine(ComplianceTestData.RepositoryRoot, "fleet/ClassroomFleet.Fleet/Compliance/demo/county-410323.yaml");

    [Fact]
    public async Task The_default_facts_path_next_to_the_executable_finds_the_demo_county()
    {
        var source = new YamlSchoolFactsSource(new ComplianceOptions().CountyFactsPath);
        var county = await source.GetCountyAsync("410323", At);
        Assert.NotNull(county);
        Assert.Equal("新安县", county.Name);
    }

    [Fact]
    public async Task The_demo_school_has_the_facts_the_demo_promises()
    {
        var county = (await new YamlSchoolFactsSource(DemoFile).GetCountyAsync("410323", At))!;
        var school = county.Sites.Single(s => s.Id == "4141032301");
        Assert.Equal(24, school.Classes!.Value);
        Assert.Equal(new DateOnly(2026, 9, 1), school.Classes.AsOf);
        Assert.Equal(60, school.Teachers!.Value);
        Assert.Equal(1100, school.Students!.Value);
        Assert.Equal(10, school.Rooms.Count(r => r.Type == "ordinary"));
        Assert.Equal(10, school.Devices.Count(d => d.Class == "interactive_flat_panel" && d.Room!.StartsWith('c')));
        Assert.Equal(45, school.Devices.Count(d => d.Class == "student_pc" && d.Room == "lab1"));
        Assert.Equal(1000m, Assert.Single(school.Uplinks).DownMbps);
        Assert.Contains(county.Sites, s => s.Kind == SiteKind.TeachingPoint);
    }

    [Fact]
    public async Task Every_shipped_rule_yields_a_pass_or_fail_for_some_demo_site()
    {
        var set = ComplianceTestData.ShippedPacks();
        var packs = set.Packs.Select(p => set.Resolve(p.Id)!).ToList();
        var county = (await new YamlSchoolFactsSource(DemoFile).GetCountyAsync("410323", At))!;
        var telemetry = new InMemoryMeasurementSource();
        AddDailyProbes(telemetry, "4141032301", 900);
        AddDailyProbes(telemetry, "4141032302", 45);
        AddDailyProbes(telemetry, "4141032303", 18);
        var from = ComplianceEvaluator.EarliestWindowStart(packs, ComplianceTestData.Calendar, At);
        var evaluation = ComplianceEvaluator.Evaluate(county, packs, await telemetry.GetAsync("410323", from, At), ComplianceTestData.Calendar, At);

        var rules = packs.SelectMany(p => p.Rules).Select(r => r.Id).ToList();
        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.Contains(evaluation.Results, r => r.Rule.Id == rule && r.State is Pass or Fail));
        // 1000 Mbit/s line, probes at 900 → verified min(1000, 900/0.9) = 1000; 1000/24 classes.
        var urban = evaluation.Result("4141032301", "ly15-265.net.bw-per-class.urban");
        Assert.Equal(Pass, urban.State);
        Assert.Equal("41.67", urban.Value!.Value.Display());
        // 45 working lab seats for the largest class of 46.
        Assert.Equal(Fail, evaluation.Result("4141032301", "ly15-265.dev.computer-lab.one-seat-per-student").State);
        Assert.Equal(Pass, evaluation.Result("4141032303", "ly15-265.net.bw.teaching-point").State);
    }

    private static void AddDailyProbes(InMemoryMeasurementSource source, string school, double mbps)
    {
        foreach (var day in ComplianceTestData.Calendar.LastSchoolDays(ChinaTime.DateOf(At), 12)!)
        {
            var time = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset);
            source.AddProbe(school, new ProbeSample(time, "gw", "iperf3", mbps, mbps / 5, 1000));
            source.AddHeartbeat(school, new DeviceHeartbeat(time, "gw", true));
        }
    }
}
