using System.Globalization;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Influx.LineProtocol;
using ClassroomFleet.Influx.Tests.Http;
using ClassroomFleet.Influx.Writing;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Influx.Tests.Writing;

/// <summary>The batch writer against the real influxd 1.6.7.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "influxd")]
public sealed class InfluxBatchWriterTests
{
    private static InfluxBatchWriterOptions Options() => new()
    {
        FirstRetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
        FlushInterval = TimeSpan.FromMilliseconds(50),
        MaxBatchLines = 5000,
    };

    [Fact]
    public async Task Type_conflict_point_is_quarantined_and_the_rest_of_its_batch_lands()
    {
        await using var database = await InfluxTestDatabase.CreateAsync();
        Assert.True((await database.Client.WriteAsync("iface,port=0 util=0.5 1\n"u8.ToArray())).IsSuccess);
        var delivery = new RecordingDelivery();
        var writer = new InfluxBatchWriter(database.Client, Options(), delivery, delivery);

        for (var s = 0; s < 3; s++)
        {
            using var lines = new LineProtocolBuffer();
            for (var i = 0; i < 100; i++)
            {
                var point = lines.Point("iface").Tag("port", $"{s}-{i}");
                if (s == 1 && i == 57)
                {
                    point.Field("util", 1L).Timestamp(1000 + i); // integer into a float field: a type conflict
                }
                else
                {
                    point.Field("util", i / 100.0).Timestamp(1000 + i);
                }
            }

            await writer.EnqueueAsync(lines, $"agent-batch-{s}");
        }

        await writer.CompleteAsync();

        Assert.Equal(new DeliveryReport("agent-batch-0", 100, 0), delivery.For("agent-batch-0"));
        Assert.Equal(new DeliveryReport("agent-batch-1", 99, 1), delivery.For("agent-batch-1"));
        Assert.Equal(new DeliveryReport("agent-batch-2", 100, 0), delivery.For("agent-batch-2"));
        var poison = Assert.Single(delivery.Quarantined);
        Assert.Equal("iface,port=1-57 util=1i 1057", poison.LineText);
        Assert.Equal("agent-batch-1", poison.Token);
        Assert.Equal(400, poison.StatusCode);
        Assert.Contains("field type conflict", poison.Reason, StringComparison.Ordinal);
        var count = (await database.Client.QueryAsync("SELECT count(util) FROM iface")).EnsureSuccess();
        Assert.Equal(1 + 299, count.Series[0].GetInt64(0, "count"));
        Assert.True(writer.Stats.Bisections > 0);
    }

    [Fact]
    public async Task Unparsable_lines_named_by_the_server_are_quarantined_without_resending_the_batch()
    {
        await using var database = await InfluxTestDatabase.CreateAsync();
        var delivery = new RecordingDelivery();
        var writer = new InfluxBatchWriter(database.Client, Options(), delivery, delivery);
        using var lines = new LineProtocolBuffer();
        lines.Point("m").Tag("t", "a").Field("v", 1L).Timestamp(1);
        lines.AppendLine("m,t=b v=abc 2\n"u8);
        lines.Point("m").Tag("t", "c").Field("v", 3L).Timestamp(3);
        lines.AppendLine("m,t=d v= 4\n"u8);
        lines.Point("m").Tag("t", "e").Field("s", "quote ' and ': inside").Timestamp(5);

        await writer.EnqueueAsync(lines, "mixed");
        await writer.CompleteAsync();

        Assert.Equal(new DeliveryReport("mixed", 3, 2), delivery.For("mixed"));
        Assert.Equal(
            ["m,t=b v=abc 2", "m,t=d v= 4"],
            delivery.Quarantined.Select(q => q.LineText).Order(StringComparer.Ordinal).ToArray());
        Assert.Contains(delivery.Quarantined, q => q.Reason == "unable to parse: invalid boolean");
        Assert.Equal(1, writer.Stats.Requests);
        Assert.Equal(0, writer.Stats.Bisections);
        var stored = (await database.Client.QueryAsync("SELECT count(v) FROM m")).EnsureSuccess();
        Assert.Equal(2, stored.Series[0].GetInt64(0, "count"));
    }

    [Fact]
    public async Task Many_submissions_land_in_batches_and_each_is_reported()
    {
        await using var database = await InfluxTestDatabase.CreateAsync();
        var delivery = new RecordingDelivery();
        var writer = new InfluxBatchWriter(database.Client, Options(), delivery, delivery);

        for (var s = 0; s < 40; s++)
        {
            using var lines = new LineProtocolBuffer();
            for (var i = 0; i < 500; i++)
            {
                lines.Point("iface").Tag("device", "sw-" + s.ToString(CultureInfo.InvariantCulture)).Tag("ifIndex", i.ToString(CultureInfo.InvariantCulture))
                    .Field("inOctets", (long)i * s).Timestamp(1_700_000_000_000_000_000);
            }

            await writer.EnqueueAsync(lines, s);
        }

        await writer.CompleteAsync();

        Assert.Equal(40, delivery.Reports.Count);
        Assert.All(delivery.Reports, r => Assert.Equal(500, r.Stored));
        Assert.Empty(delivery.Quarantined);
        Assert.True(writer.Stats.Requests <= 40);
        var count = (await database.Client.QueryAsync("SELECT count(inOctets) FROM iface")).EnsureSuccess();
        Assert.Equal(20_000, count.Series[0].GetInt64(0, "count"));
    }

    [Fact]
    public async Task Influxd_stopped_gives_retryable_and_after_restart_everything_is_delivered()
    {
        await using var influxd = new InfluxdProcess();
        await influxd.StartAsync();
        using var http = new HttpClient();
        var options = InfluxTestDatabase.Options(influxd.Url, "netmon");
        options.Timeout = TimeSpan.FromSeconds(2);
        var client = new InfluxClient(http, options);
        await client.CreateDatabaseAsync("netmon");
        var delivery = new RecordingDelivery();
        var writer = new InfluxBatchWriter(client, Options(), delivery, delivery);

        await influxd.StopAsync();
        var direct = await client.WriteAsync("m v=1i 1\n"u8.ToArray());
        Assert.Equal(WriteOutcome.Retryable, direct.Outcome);
        Assert.False(await client.PingAsync());

        for (var s = 0; s < 5; s++)
        {
            using var lines = new LineProtocolBuffer();
            for (var i = 0; i < 200; i++)
            {
                lines.Point("iface").Tag("s", s.ToString(CultureInfo.InvariantCulture)).Field("v", i).Timestamp(1_000_000 + i);
            }

            await writer.EnqueueAsync(lines, s);
        }

        while (writer.Stats.RetryableFailures < 3)
        {
            await Task.Delay(20);
        }

        Assert.Empty(delivery.Reports);
        await influxd.StartAsync();
        await delivery.WaitForReportsAsync(5);
        await writer.CompleteAsync();

        Assert.All(delivery.Reports, r => Assert.Equal(200, r.Stored));
        var count = (await client.QueryAsync("SELECT count(v) FROM iface")).EnsureSuccess();
        Assert.Equal(1000, count.Series[0].GetInt64(0, "count"));
    }
}
