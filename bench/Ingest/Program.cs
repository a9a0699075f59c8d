using System.Globalization;
using ClassroomFleet.Bench.Ingest;

// Ingest benchmark: the fleet's end-to-end rate (agents → mosquitto → fleet → influxd, acknowledged) next to a raw
// line-protocol write of the same points to the same influxd, in the same run.
//   dotnet run -c Release --project bench/Ingest -- [--agents 100] [--rounds 50] [--points 20] [--soak-minutes 0]
// Needs the local servers (eval "$(scripts/services.sh up)") and a Release build of the fleet.
var options = BenchOptions.Parse(args);
var (mqttHost, mqttPort) = (Required("CF_MQTT_HOST"), int.Parse(Required("CF_MQTT_PORT"), CultureInfo.InvariantCulture));
var influx = new Uri(Required("CF_INFLUX_URL"));
var county = new SimulatedCounty(options.Agents, options.PointsPerBatch);
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(options.SoakMinutes + 30));

Console.WriteLine($"workload: {options.Agents} agents x {options.Rounds} batches x {options.PointsPerBatch} points = {(long)options.Agents * options.Rounds * options.PointsPerBatch:N0} points");
var raw = await RawWrite.RunAsync(influx, county, options.Rounds, cancel.Token);
Console.WriteLine($"raw line-protocol write:   {raw,12:N0} points/s");

await using var fleet = await FleetProcess.StartAsync(options.FleetDll, mqttHost, mqttPort, influx, "cf_bench_e2e", cancel.Token);
var e2e = await EndToEndRun.RunAsync(fleet, mqttHost, mqttPort, county, options.Rounds, TimeSpan.Zero, cancel.Token);
Console.WriteLine($"end to end (acknowledged): {e2e.PointsPerSecond,12:N0} points/s = {e2e.PointsPerSecond / raw:P0} of raw; {e2e.Elapsed.TotalSeconds:N1} s");
Console.WriteLine($"fleet: {e2e.FleetCpu.TotalSeconds:N1} s CPU ({e2e.FleetCpu / e2e.Elapsed:P0} of one core), peak working set {e2e.FleetPeakBytes / 1048576.0:N0} MiB");

if (options.SoakMinutes > 0)
{
    // A steady load at about half the measured rate for the soak: memory must stay flat.
    var rounds = (int)(options.SoakMinutes * 60 * (e2e.PointsPerSecond / 2) / (options.Agents * options.PointsPerBatch));
    var pace = TimeSpan.FromSeconds(options.SoakMinutes * 60.0 / Math.Max(1, rounds));
    var soak = await EndToEndRun.RunAsync(fleet, mqttHost, mqttPort, county, rounds, pace, cancel.Token);
    Console.WriteLine($"soak {options.SoakMinutes} min at {soak.PointsPerSecond:N0} points/s: fleet working set by minute (MiB):");
    foreach (var (at, bytes) in soak.Memory.Where((_, i) => i % 60 == 0))
    {
        Console.WriteLine($"  {at.TotalMinutes,5:N1} min  {bytes / 1048576.0,6:N0}");
    }
}

static string Required(string name) => Environment.GetEnvironmentVariable(name)
    ?? throw new InvalidOperationException($"{name} is not set: eval \"$(scripts/services.sh up)\" first");
