using System.Globalization;
using BenchmarkDotNet.Running;
using ClassroomFleet.Bench.Influx;

// dotnet run -c Release --project bench/Influx -- --filter '*'                      line-protocol encoding (BenchmarkDotNet)
// dotnet run -c Release --project bench/Influx -- throughput http://127.0.0.1:18086 [rounds] [batch]   writes to a real influxd
if (args.Length > 1 && args[0] == "throughput")
{
    var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
    var batch = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 5000;
    return await WriteThroughput.RunAsync(new Uri(args[1]), rounds, batch);
}

BenchmarkSwitcher.FromAssembly(typeof(LineProtocolEncodingBenchmarks).Assembly).Run(args);
return 0;
