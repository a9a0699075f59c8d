using ClassroomFleet.Bench.Snmp;

var settings = BenchSettings.Parse(args);
return await SnmpWalkBenchmark.RunAsync(settings).ConfigureAwait(false);
