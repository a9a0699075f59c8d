using System.Diagnostics;
using System.Globalization;
using ClassroomFleet.Bench.Compliance;
using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Evaluation;
using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Fleet.Compliance.Metrics;
using ClassroomFleet.Fleet.Compliance.Packs;

// dotnet run -c Release --project bench/Compliance -- --schools 10000 [--per-county 100] [--rounds 3] [--seed 7]
var schools = Option("--schools", 10_000);
var perCounty = Option("--per-county", 100);
var rounds = Option("--rounds", 3);
var seed = Option("--seed", 7);

var baseDir = Path.Combine(AppContext.BaseDirectory, "Compliance");
var calendar = CalendarStore.LoadDirectory(Path.Combine(baseDir, "calendars")).Find("cn-henan") ?? throw new InvalidOperationException("calendar cn-henan not shipped");
var loader = new RulePackLoader(MetricCatalogue.Default);
var set = RulePackSet.Build(Directory.EnumerateFiles(Path.Combine(baseDir, "packs"), "*.yaml").Order(StringComparer.Ordinal).Select(loader.LoadFile));
if (set.Rejected.Count > 0)
{
    Console.Error.WriteLine("rejected packs: " + string.Join("; ", set.Rejected.SelectMany(r => r.Errors)));
    return 1;
}

IReadOnlyList<ResolvedPack> packs = [.. set.Packs.Select(p => set.Resolve(p.Id)!)];
var ruleCount = packs.Sum(p => p.Rules.Count);
var at = new DateTimeOffset(2025, 11, 20, 12, 30, 0, ChinaTime.Offset);

var counties = GeneratedCounties.Generate(schools, perCounty, calendar, at, seed);
var from = ComplianceEvaluator.EarliestWindowStart(packs, calendar, at);
var inputs = new List<(CountyFacts Facts, MeasurementSet Measurements)>(counties.Count);
foreach (var (facts, telemetry) in counties)
{
    inputs.Add((facts, await telemetry.GetAsync(facts.Code, from, at)));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{schools} sites in {inputs.Count} counties, {packs.Count} packs, {ruleCount} rules, at {at:yyyy-MM-dd HH:mm zzz}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"inputs held: {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F1} MiB managed"));

// Warm-up: one county, so JIT time is not counted.
ComplianceEvaluator.Evaluate(inputs[0].Facts, packs, inputs[0].Measurements, calendar, at);

for (var round = 1; round <= rounds; round++)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    var gen0 = GC.CollectionCount(0);
    var gen2 = GC.CollectionCount(2);
    var results = 0L;
    var states = new long[Enum.GetValues<ComplianceState>().Length];
    var peakManaged = 0L;
    var stopwatch = Stopwatch.StartNew();
    foreach (var (facts, measurements) in inputs)
    {
        var evaluation = ComplianceEvaluator.Evaluate(facts, packs, measurements, calendar, at);
        results += evaluation.Results.Count;
        foreach (var result in evaluation.Results)
        {
            states[(int)result.State]++;
        }

        peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(forceFullCollection: false));
    }

    stopwatch.Stop();
    var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"round {round}: {stopwatch.Elapsed.TotalSeconds:F2} s, {schools / stopwatch.Elapsed.TotalSeconds:F0} sites/s, {results} results ({results / stopwatch.Elapsed.TotalSeconds:F0}/s), "
        + $"allocated {allocated / (double)schools / 1024:F1} KiB/site, peak managed {peakManaged / 1048576.0:F1} MiB, GCs gen0 {GC.CollectionCount(0) - gen0} gen2 {GC.CollectionCount(2) - gen2}"));
    Console.WriteLine("  states: " + string.Join(", ", Enum.GetValues<ComplianceState>().Select(s => $"{s.Code()} {states[(int)s]}")));
}

using var process = Process.GetCurrentProcess();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process peak working set {process.PeakWorkingSet64 / 1048576.0:F1} MiB"));
return 0;

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
