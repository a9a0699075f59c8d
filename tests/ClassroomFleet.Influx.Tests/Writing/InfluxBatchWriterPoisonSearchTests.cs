using ClassroomFleet.Influx.Http;
using ClassroomFleet.Influx.Tests.Http;
using ClassroomFleet.Influx.LineProtocol;
using ClassroomFleet.Influx.Writing;

namespace ClassroomFleet.Influx.Tests.Writing;

/// <summary>Poison search when the server names no line (InfluxDB 2.x/3.x style answers, 413).</summary>
public sealed class InfluxBatchWriterPoisonSearchTests
{
    private static InfluxBatchWriterOptions Options() => new()
    {
        FirstRetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        FlushInterval = TimeSpan.FromMilliseconds(20),
    };

    [Fact]
    public async Task Bisection_finds_every_poison_line_and_stores_the_rest()
    {
        // Like InfluxDB 2.x: the whole request fails with 422 if any line is bad, and nothing is stored.
        var stored = new System.Collections.Concurrent.ConcurrentBag<string>();
        await using var server = new StubInfluxServer(body =>
        {
            if (body.Contains("poison", StringComparison.Ordinal))
            {
                return new StubAnswer(422, """{"code":"unprocessable entity","message":"failure writing points: schema conflict"}""");
            }

            foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                stored.Add(line);
            }

            return new StubAnswer(204);
        });
        using var http = new HttpClient();
        var delivery = new RecordingDelivery();
        var writer = new InfluxBatchWriter(new InfluxClient(http, InfluxTestDatabase.Options(server.Url, "db")), Options(), delivery, delivery);
        using var lines = new LineProtocolBuffer();
        for (var i = 0; i < 64; i++)
        {
            lines.Point(i is 5 or 40 or 41 ? "poison" : "m").Field("v", i).Timestamp(i);
        }

        await writer.EnqueueAsync(lines, "b");
        await writer.CompleteAsync();

        Assert.Equal(new DeliveryReport("b", 61, 3), delivery.For("b"));
        Assert.Equal(["poison v=40i 40", "poison v=41i 41", "poison v=5i 5"], delivery.Quarantined.Select(q => q.LineText).Order(StringComparer.Ordinal).ToArray());
        Assert.All(delivery.Quarantined, q => Assert.Equal("failure writing points: schema conflict", q.Reason));
        Assert.Equal(61, stored.Distinct().Count());
        Assert.True(writer.Stats.Requests < 64, $"{writer.Stats.Requests} requests for 64 lines");
    }

    [Fact]
    public async Task Too_large_is_split_until_it_fits()
    {
        await using var server = new StubInfluxServer(body =>
            body.Count(c => c == '\n') > 8 ? new StubAnswer(413, """{"error":"Request Entity Too Large"}""") : new StubAnswer(204));
        using var http = new HttpClient();
        var delivery = new RecordingDelivery();
        var writer = new InfluxBatchWriter(new InfluxClient(http, InfluxTestDatabase.Options(server.Url, "db")), Options(), delivery, delivery);
        using var lines = new LineProtocolBuffer();
        for (var i = 0; i < 50; i++)
        {
            lines.Point("m").Field("v", i).Timestamp(i);
        }

        await writer.EnqueueAsync(lines, "big");
        await writer.CompleteAsync();

        Assert.Equal(new DeliveryReport("big", 50, 0), delivery.For("big"));
        Assert.Empty(delivery.Quarantined);
    }

    [Fact]
    public async Task Failing_quarantine_sink_does_not_hold_back_the_batch()
    {
        await using var server = new StubInfluxServer(body =>
            body.Contains("poison", StringComparison.Ordinal) ? new StubAnswer(400, """{"error":"bad"}""") : new StubAnswer(204));
        using var http = new HttpClient();
        var delivery = new RecordingDelivery();
        var writer = new InfluxBatchWriter(new InfluxClient(http, InfluxTestDatabase.Options(server.Url, "db")), Options(), new ThrowingSink(), delivery);
        using var lines = new LineProtocolBuffer();
        lines.Point("m").Field("v", 1L).Timestamp(1);
        lines.Point("poison").Field("v", 2L).Timestamp(2);

        await writer.EnqueueAsync(lines, "t");
        await writer.CompleteAsync();

        Assert.Equal(new DeliveryReport("t", 1, 1), delivery.For("t"));
    }

    private sealed class ThrowingSink : IQuarantineSink
    {
        public ValueTask QuarantineAsync(QuarantinedLine line, CancellationToken cancellationToken) => throw new IOException("disk full");
    }
}
