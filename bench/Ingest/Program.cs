using ClassroomFleet.Bench.Ingest;

// Ingest benchmark: the fleet's end-to-end rate (agents → mosquitto → fleet → influxd, acknowledged) next to a raw
// line-protocol write of the same points to the same influxd, in the same run; then, with --soak-minutes, a steady load
// at half that rate with a verdict on whether the fleet's memory stays flat. One command, nothing to start first:
//   dotnet run -c Release --project bench/Ingest -- [--agents 100] [--rounds 50] [--points 20] [--raw-writes 2] [--soak-minutes 10] [--warmup-minutes 2] [--generator lean|transport]
// It builds the fleet with it, starts a private mosquitto and influxd (the Debian packages: scripts/services.sh installs
// them), runs the fleet as a child process (its CPU and memory are its own), and stops everything by PID at the end.
// Exit code 1 when the soak finds memory growing.
const double Goal = 0.70;
var options = BenchOptions.Parse(args);
var county = new SimulatedCounty(options.Agents, options.PointsPerBatch);
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(options.SoakMinutes * 2 + 30));

await using var servers = await PrivateServers.StartAsync(cancel.Token);
var (mqttHost, mqttPort, influx) = (servers.Mosquitto.Host, servers.Mosquitto.Port, servers.Influxd.Url);
Console.WriteLine($"private mosquitto 127.0.0.1:{mqttPort}, influxd {influx}");
Console.WriteLine($"generator: {options.Generator} ({(options.Generator == Generator.Lean ? "coalescing MQTT 3.1.1 QoS 1 publisher" : "the project's MQTTnet transport")}), 8 connections");
Console.WriteLine($"workload: {options.Agents} agents x {options.Rounds} batches x {options.PointsPerBatch} points = {(long)options.Agents * options.Rounds * options.PointsPerBatch:N0} points");
var processes = new Dictionary<string, int>(StringComparer.Ordinal)
{
    ["influxd"] = servers.Influxd.ProcessId ?? throw new InvalidOperationException("influxd has no process"),
    ["mosquitto"] = servers.Mosquitto.ProcessId ?? throw new InvalidOperationException("mosquitto has no process"),
};
// The raw write one batch at a time (as a simple client writes), then as many at a time as the fleet's writer sends:
// the limit is the faster of the two.
var raws = new List<RawWrite.Result>();
foreach (var writes in options.RawWrites == 1 ? [1] : new[] { 1, options.RawWrites })
{
    var raw = await RawWrite.RunAsync(influx, county, options.Rounds, writes, new CpuMeter(processes), cancel.Token);
    raws.Add(raw);
    Console.WriteLine($"raw line-protocol write:   {raw.PointsPerSecond,12:N0} points/s; {raw.Elapsed.TotalSeconds:N1} s ({writes} at a time)");
    Console.WriteLine($"  CPU: {raw.Cpu.Describe(raw.Points)}; {raw.Cpu.Total / raw.Elapsed:N2} cores busy");
}

var limit = raws.MaxBy(r => r.PointsPerSecond)!;
await using var fleet = await FleetProcess.StartAsync(options.FleetDll, mqttHost, mqttPort, influx, "cf_bench_e2e", options.FleetEnvironment, cancel.Token);
var meter = new CpuMeter(new Dictionary<string, int>(processes, StringComparer.Ordinal) { ["fleet"] = fleet.ProcessId });
var e2e = await EndToEndRun.RunAsync(fleet, mqttHost, mqttPort, county, 0, options.Rounds, TimeSpan.Zero, options.Generator, meter, cancel.Token);
var ratio = e2e.PointsPerSecond / limit.PointsPerSecond;
Console.WriteLine($"end to end (acknowledged): {e2e.PointsPerSecond,12:N0} points/s = {ratio:P0} of the faster raw write (goal {Goal:P0}: {(ratio >= Goal ? "met" : "NOT met")}); "
    + $"{e2e.PointsPerSecond / raws[0].PointsPerSecond:P0} of the raw write one at a time; {e2e.Elapsed.TotalSeconds:N1} s");
Console.WriteLine($"  CPU: {e2e.Cpu.Describe(e2e.Points)}; {e2e.Cpu.Total / e2e.Elapsed:N2} cores busy");
// When both phases keep the cores busy, the share cannot exceed the ratio of their CPU per point.
Console.WriteLine($"  CPU per point: raw {limit.Cpu.Total.TotalMicroseconds / limit.Points:N1} µs, end to end {e2e.Cpu.Total.TotalMicroseconds / e2e.Points:N1} µs "
    + $"(ratio {limit.Cpu.Total.TotalMicroseconds / limit.Points / (e2e.Cpu.Total.TotalMicroseconds / e2e.Points):P0})");
var fleetCpu = e2e.Cpu.Of("fleet");
Console.WriteLine($"fleet: {fleetCpu.TotalSeconds:N1} s CPU ({fleetCpu / e2e.Elapsed:P0} of one core), peak working set {e2e.FleetPeakBytes / 1048576.0:N0} MiB");

if (options.SoakMinutes <= 0)
{
    return 0;
}

// A steady load at about half the measured rate for the soak: memory must stay flat.
var rounds = Math.Max(3, (int)(options.SoakMinutes * 60 * (e2e.PointsPerSecond / 2) / (options.Agents * options.PointsPerBatch)));
var pace = TimeSpan.FromSeconds(options.SoakMinutes * 60.0 / rounds);
var soak = await EndToEndRun.RunAsync(fleet, mqttHost, mqttPort, county, options.Rounds, rounds, pace, options.Generator, meter, cancel.Token);
Console.WriteLine($"soak {soak.Elapsed.TotalMinutes:N1} min at {soak.PointsPerSecond:N0} points/s; fleet working set by minute (MiB):");
foreach (var (at, bytes) in soak.Memory.Where((_, i) => i % 60 == 0))
{
    Console.WriteLine($"  {at.TotalMinutes,5:N1} min  {bytes / 1048576.0,6:N0}");
}

var verdict = MemoryFlatness.Judge(soak.Memory, TimeSpan.FromMinutes(options.WarmupMinutes));
Console.WriteLine($"memory: {verdict}");
return verdict.IsFlat ? 0 : 1;
