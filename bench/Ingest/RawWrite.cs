using System.Diagnostics;
using ClassroomFleet.Contracts.Influx;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Influx.LineProtocol;

namespace ClassroomFleet.Bench.Ingest;

/// <summary>
/// The practical limit: the same points, encoded by the same code, written straight to influxd in batches of 5,000,
/// <c>writes</c> at a time over as many keep-alive connections (as the fleet's writer sends them), as fast as influxd
/// takes them.
/// </summary>
internal static class RawWrite
{
    public sealed record Result(long Points, TimeSpan Elapsed, CpuReading Cpu)
    {
        public double PointsPerSecond => Points / Elapsed.TotalSeconds;
    }

    public static async Task<Result> RunAsync(Uri influx, SimulatedCounty county, int rounds, int writes, CpuMeter cpu, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = writes });
        var database = $"cf_bench_raw{writes}";
        var client = new InfluxClient(http, new InfluxClientOptions { BaseAddress = influx, Database = database, Timeout = TimeSpan.FromSeconds(60) });
        await client.QueryAsync($"DROP DATABASE {database}", cancellationToken);
        await client.CreateDatabaseAsync(database, cancellationToken);
        // Encoded before the clock starts: what is timed is what influxd takes, nothing else.
        var batches = new List<LineProtocolBuffer>();
        var buffer = new LineProtocolBuffer(2 * 1024 * 1024);
        for (var round = 0; round < rounds; round++)
        {
            for (var agent = 0; agent < county.Agents; agent++)
            {
                var batch = county.Batch(agent, round, "raw");
                foreach (var point in batch.Points)
                {
                    TelemetryLineProtocol.Append(buffer, batch, point);
                }

                if (buffer.LineCount >= 5000)
                {
                    batches.Add(buffer);
                    buffer = new LineProtocolBuffer(2 * 1024 * 1024);
                }
            }
        }

        batches.Add(buffer);
        long points = 0;
        var next = -1;
        var cpuBefore = cpu.Read();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writes).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < batches.Count; i = Interlocked.Increment(ref next))
            {
                Interlocked.Add(ref points, await FlushAsync(client, batches[i], cancellationToken));
            }
        }));

        clock.Stop();
        var used = cpu.Read().Since(cpuBefore);
        batches.ForEach(b => b.Dispose());
        return new Result(points, clock.Elapsed, used);
    }

    private static async Task<int> FlushAsync(InfluxClient client, LineProtocolBuffer buffer, CancellationToken cancellationToken)
    {
        var lines = buffer.LineCount;
        if (lines == 0)
        {
            return 0;
        }

        var result = await client.WriteAsync(buffer.WrittenMemory, cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"raw write failed: {result.Error}");
        }

        buffer.Clear();
        return lines;
    }
}
