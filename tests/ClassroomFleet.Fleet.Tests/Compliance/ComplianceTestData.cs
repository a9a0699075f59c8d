using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Fleet.Compliance.Metrics;
using ClassroomFleet.Fleet.Compliance.Packs;

namespace ClassroomFleet.Fleet.Tests.Compliance;

/// <summary>Paths of the shipped packs, calendar and test resources, found from the repository root.</summary>
public static class ComplianceTestData
{
    /// <summary>The audit instant of the synthetic county: Thursday 2025-11-20 12:30 in Asia/Shanghai.</summary>
    public static readonly DateTimeOffset At = new(2025, 11, 20, 12, 30, 0, ChinaTime.Offset);

    public static string RepositoryRoot { get; } = FindRoot();

    public static string PacksDirectory => Path.Combine(RepositoryRoot, "fleet/ClassroomFleet.Fleet/Compliance/packs");

    public static string CalendarsDirectory => Path.Combine(RepositoryRoot, "fleet/ClassroomFleet.Fleet/Compliance/calendars");

    public static string CalendarFile => Path.Combine(CalendarsDirectory, "cn-henan-2025-2026.yaml");

    public static string Resources => Path.Combine(RepositoryRoot, "tests/ClassroomFleet.Fleet.Tests/Compliance/Resources");

    public static string CountyFile => Path.Combine(Resources, "synthetic-county.yaml");

    /// <summary>The shipped Henan calendar, every school year joined (2025-2026 and 2026-2027).</summary>
    public static SchoolCalendar Calendar { get; } = CalendarStore.LoadDirectory(CalendarsDirectory).Find("cn-henan")!;

    public static CountyFacts County() => CountyFactsParser.Parse(File.ReadAllText(CountyFile), "synthetic-county.yaml");

    public static RulePackSet ShippedPacks()
    {
        var loader = new RulePackLoader(MetricCatalogue.Default);
        var results = Directory.EnumerateFiles(PacksDirectory, "*.yaml").Select(loader.LoadFile).ToList();
        var set = RulePackSet.Build(results);
        Assert.True(set.Rejected.Count == 0, string.Join("\n", set.Rejected.SelectMany(r => r.Errors)));
        return set;
    }

    /// <summary>One probe a day at 10:00 on the last <paramref name="days"/> school days before <see cref="At"/>.</summary>
    public static void AddDailyProbes(InMemoryMeasurementSource source, string school, int days, double mbps, string device = "gw", int startOffset = 0)
    {
        var schoolDays = Calendar.LastSchoolDays(ChinaTime.DateOf(At), days + startOffset)!;
        foreach (var day in schoolDays.Take(days))
        {
            var time = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset);
            source.AddProbe(school, new ProbeSample(time, device, "iperf3", mbps, mbps / 5, 1000));
            source.AddHeartbeat(school, new DeviceHeartbeat(time, device, true));
        }
    }

    /// <summary>Telemetry of the synthetic county as described in synthetic-county.yaml.</summary>
    public static InMemoryMeasurementSource SyntheticTelemetry()
    {
        var source = new InMemoryMeasurementSource();
        AddDailyProbes(source, "4103990001", 10, 280);
        AddDailyProbes(source, "4103990002", 10, 280);
        AddDailyProbes(source, "4103990003", 7, 95);
        AddDailyProbes(source, "4103990005", 12, 9);
        AddDailyProbes(source, "4103990008", 10, 190, "gw-east");
        AddDailyProbes(source, "4103990008", 10, 150, "gw-west");
        AddDailyProbes(source, "4103990009", 10, 58);
        AddDailyProbes(source, "4103990010", 10, 450);
        AddDailyProbes(source, "4103990011", 10, 3.6);
        AddDailyProbes(source, "4103990012", 10, 3.0);
        AddDailyHeartbeats(source, "4103990001", [.. Enumerable.Range(1, 30).Select(n => $"ap-{n}"), "ap-lab1", "ap-office1"], 20);
        return source;
    }

    /// <summary>A heartbeat (seen up) at 08:30 on each of the last <paramref name="days"/> school days, for each device.</summary>
    public static void AddDailyHeartbeats(InMemoryMeasurementSource source, string school, IEnumerable<string> devices, int days)
    {
        var schoolDays = Calendar.LastSchoolDays(ChinaTime.DateOf(At), days)!;
        foreach (var device in devices)
        {
            foreach (var day in schoolDays)
            {
                source.AddHeartbeat(school, new DeviceHeartbeat(new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 30)), ChinaTime.Offset), device, true));
            }
        }
    }

    public static async Task<CountyEvaluation> EvaluateAsync(IReadOnlyList<ResolvedPack> packs, IMeasurementSource telemetry, DateTimeOffset? at = null)
    {
        var when = at ?? At;
        var county = County();
        var from = ComplianceEvaluator.EarliestWindowStart(packs, Calendar, when);
        var measurements = await telemetry.GetAsync(county.Code, from, when);
        return ComplianceEvaluator.Evaluate(county, packs, measurements, Calendar, when);
    }

    public static RuleResult Result(this CountyEvaluation evaluation, string site, string rule) =>
        evaluation.Results.Single(r => r.Site == site && r.Rule.Id == rule);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClassroomFleet.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (ClassroomFleet.sln) not found above " + AppContext.BaseDirectory);
    }
}
