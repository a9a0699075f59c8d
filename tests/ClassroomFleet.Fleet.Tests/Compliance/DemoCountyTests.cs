using ClassroomFleet.Fleet.Compliance;
using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Fleet.Compliance.Packs;
using static ClassroomFleet.Fleet.Compliance.Evaluation.ComplianceState;

namespace ClassroomFleet.Fleet.Tests.Compliance;

/// <summary>The demo county 410323 (新安县) shipped in Compliance/demo: every shipped rule reaches a verdict there.</summary>
public sealed class DemoCountyTests
{
    /// <summary>Wednesday 2026-12-02, in the autumn term of the 2026-2027 calendar: an audit "now".</summary>
    public static readonly DateTimeOffset At = new(2026, 12, 2, 12, 30, 0, ChinaTime.Offset);

    public static string DemoFile => Path.Combine(ComplianceTestData.RepositoryRoot, "fleet/ClassroomFleet.Fleet/Compliance/demo/county-410323.yaml");

    /// <summary>Probes on the last 12 school days before <see cref="At"/> for the three demo sites with a working agent.</summary>
    public static InMemoryMeasurementSource Telemetry()
    {
        var telemetry = new InMemoryMeasurementSource();
        AddDailyProbes(telemetry, "4141032301", 900);
        AddDailyProbes(telemetry, "4141032302", 45);
        AddDailyProbes(telemetry, "4141032303", 18);
        return telemetry;
    }

    public static async Task<CountyEvaluation> EvaluateAsync(IReadOnlyList<ResolvedPack> packs, DateTimeOffset? at = null)
    {
        var when = at ?? At;
        var county = (await new YamlSchoolFactsSource(DemoFile).GetCountyAsync("410323", when))!;
        var from = ComplianceEvaluator.EarliestWindowStart(packs, ComplianceTestData.Calendar, when);
        return ComplianceEvaluator.Evaluate(county, packs, await Telemetry().GetAsync("410323", from, when), ComplianceTestData.Calendar, when);
    }

    [Fact]
    public async Task The_default_facts_path_next_to_the_executable_finds_the_demo_county()
    {
        var source = new YamlSchoolFactsSource(new ComplianceOptions().CountyFactsPath);
        var county = await source.GetCountyAsync("410323", At);
        Assert.NotNull(county);
        Assert.Equal("新安县", county.Name);
        Assert.Equal("cn-henan", county.CalendarId);
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
        Assert.Equal(new DateOnly(2026, 9, 1), school.ClassListAsOf);
        Assert.Contains(county.Sites, s => s.Kind == SiteKind.TeachingPoint);
    }

    [Fact]
    public async Task An_audit_now_has_school_days_to_look_at_and_every_shipped_rule_yields_a_pass_or_fail()
    {
        var set = ComplianceTestData.ShippedPacks();
        var packs = set.Packs.Select(p => set.Resolve(p.Id)!).ToList();
        var evaluation = await EvaluateAsync(packs);

        Assert.DoesNotContain(evaluation.Results, r => r.Reason?.Code == "CALENDAR_NOT_COVERED");
        var rules = packs.SelectMany(p => p.Rules).Where(r => r.Scope.Entity == ScopeEntity.Site).Select(r => r.Id).ToList();
        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.Contains(evaluation.Results, r => r.Rule.Id == rule && r.State is Pass or Fail));
        // 1000 Mbit/s line, probes at 900 → verified min(1000, 900/0.9) = 1000; 1000/24 classes.
        var urban = evaluation.Result("4141032301", "ly15-265.net.bw-per-class.urban");
        Assert.Equal(Pass, urban.State);
        Assert.Equal("41.67", urban.Value!.Value.Display());
        Assert.Equal("2026-11-05..2026-12-02 (20 school days without exam days, 08:00-12:00, 14:00-17:30)", urban.Window);
        // 45 working lab seats for the largest class of 46.
        Assert.Equal(Fail, evaluation.Result("4141032301", "ly15-265.dev.computer-lab.one-seat-per-student").State);
        Assert.Equal(Pass, evaluation.Result("4141032303", "ly15-265.net.bw.teaching-point").State);
        // The offline school: no telemetry at all in the window; its teacher count is from June 2024 (885 days).
        Assert.Equal("AGENT_OFFLINE", evaluation.Result("4141032304", "ly15-265.net.bw-per-class.rural").Reason!.Text);
        Assert.Equal("REGISTRY_STALE(teacher,885d)", evaluation.Result("4141032304", "ly15-265.dev.teacher-office-pc").Reason!.Text);
        // Six whiteboards, four projectors: with the lab panel, five of the seven rooms have an interactive terminal.
        Assert.Equal("71.43", evaluation.Result("4141032304", "ly15-265.dev.interactive-terminal-coverage").Value!.Value.Display());
        // The county share: 3 sites with working broadband, the offline one UNKNOWN → 75%..100% straddles 98%.
        Assert.Equal("BOUNDS(75%..100%)", evaluation.Result("410323", "cn-national.agg.access-98").Reason!.Text);
    }

    [Theory]
    [InlineData("2026-09-15T12:00:00+08:00", "2026-06-23", "2026-09-15")] // the window reaches back over the summer into 2025-2026
    [InlineData("2026-10-12T12:00:00+08:00", "2026-09-09", "2026-10-12")] // 国庆 break skipped, make-up Saturday 10-10 counted
    public async Task Windows_use_both_school_years_of_the_calendar(string at, string first, string last)
    {
        var packs = new[] { ComplianceTestData.ShippedPacks().Resolve("ly15-265")! };
        var instant = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);
        var result = (await EvaluateAsync(packs, instant)).Result("4141032301", "ly15-265.net.bw-per-class.urban");
        Assert.StartsWith($"{first}..{last} (20 school days", result.Window, StringComparison.Ordinal);
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
