using System.Diagnostics;
using System.Globalization;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Influx.LineProtocol;

namespace ClassroomFleet.Bench.Influx;

/// <summary>
/// Raw write throughput against a real influxd: 100,000-point rounds sent in batches of 5,000 over one keep-alive
/// connection, one batch at a time, with and without gzip. Each round has new timestamps, so every point is new.
/// </summary>
internal static class WriteThroughput
{
    public static async Task<int> RunAsync(Uri url, int rounds, int batchSize)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler);
        var points = new InterfacePoints();
        using var all = new LineProtocolBuffer(32 * 1024 * 1024);
        using var batch = new LineProtocolBuffer(4 * 1024 * 1024);
        foreach (var gzip in new[] { false, true })
        {
            var database = "cf_bench_" + (gzip ? "gzip" : "plain");
            var client = new InfluxClient(http, new InfluxClientOptions { BaseAddress = url, Database = database, Gzip = gzip, Timeout = TimeSpan.FromSeconds(60) });
            await client.DropDatabaseAsync(database);
            await client.CreateDatabaseAsync(database);
            var total = 0L;
            var bytes = 0L;
            var clock = Stopwatch.StartNew();
            for (var round = 0; round < rounds; round++)
            {
                all.Clear();
                points.WriteAll(all, sortedTags: true, 1_700_000_000_000_000_000 + (round * 1_000_000_000L));
                for (var first = 0; first < all.LineCount; first += batchSize)
                {
                    batch.Clear();
                    var end = Math.Min(all.LineCount, first + batchSize);
                    for (var i = first; i < end; i++)
                    {
                        batch.AppendLine(all.GetLine(i).Span);
                    }

                    var result = await client.WriteAsync(batch.WrittenMemory);
                    if (!result.IsSuccess)
                    {
                        await Console.Error.WriteLineAsync($"write failed: {result}");
                        return 1;
                    }

                    total += batch.LineCount;
                    bytes += batch.WrittenMemory.Length;
                }
            }

            clock.Stop();
            var count = (await client.QueryAsync("SELECT count(inOctets) FROM iface")).EnsureSuccess().Series[0].GetInt64(0, "count");
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"gzip={gzip,-5} points={total} stored={count} batches of {batchSize}: {clock.Elapsed.TotalSeconds:F2} s, {total / clock.Elapsed.TotalSeconds:F0} points/s, {bytes / clock.Elapsed.TotalSeconds / 1e6:F1} MB/s of line protocol"));
            await client.DropDatabaseAsync(database);
        }

        return 0;
    }
}
