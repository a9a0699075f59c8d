using System.Globalization;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Influx.Tests.Http;
using ClassroomFleet.Influx.LineProtocol;
using ClassroomFleet.Influx.Writing;

namespace ClassroomFleet.Influx.Tests.Writing;

/// <summary>Batching and retries against a scripted server (503s and 429s on demand).</summary>
public sealed class InfluxBatchWriterStubTests
{
    private static InfluxBatchWriterOptions FastRetries() => new()
    {
        FirstRetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
        FlushInterval = TimeSpan.FromMilliseconds(20),
    };

    [Fact]
    public async Task Retries_the_same_batch_after_server_errors_then_reports_it_stored()
    {
        await using var server = new StubInfluxServer(
            new StubAnswer(503, """{"error":"overloaded"}"""),
            new StubAnswer(500, """{"error":"engine: cache full"}"""),
            new StubAnswer(429, """{"error":"slow down"}""", RetryAfterSeconds: 0),
            new StubAnswer(204));
        using var http = new HttpClient();
        var delivery = new RecordingDelivery();
        await using var writer = new InfluxBatchWriter(new InfluxClient(http, InfluxTestDatabase.Options(server.Url, "db")), FastRetries(), delivery, delivery);

        using var lines = new LineProtocolBuffer();
        lines.Point("m").Tag("t", "a").Field("v", 1L).Timestamp(1);
        lines.Point("m").Tag("t", "b").Field("v", 2L).Timestamp(2);
        await writer.EnqueueAsync(lines, "batch-1");
        await delivery.WaitForReportsAsync(1);

        Assert.Equal(new DeliveryReport("batch-1", 2, 0), delivery.For("batch-1"));
        var bodies = server.Requests.Select(r => r.Body).ToArray();
        Assert.Equal(4, bodies.Length);
        Assert.All(bodies, body => Assert.Equal("m,t=a v=1i 1\nm,t=b v=2i 2\n", body));
        Assert.Equal(3, writer.Stats.RetryableFailures);
        Assert.Empty(delivery.Quarantined);
    }

    [Fact]
    public async Task Missing_database_holds_the_lines_instead_of_quarantining_them()
    {
        await using var server = new StubInfluxServer(
            new StubAnswer(404, """{"error":"database not found: \"db\""}"""),
            new StubAnswer(404, """{"error":"database not found: \"db\""}"""),
            new StubAnswer(204));
        using var http = new HttpClient();
        var delivery = new RecordingDelivery();
        await using var writer = new InfluxBatchWriter(new InfluxClient(http, InfluxTestDatabase.Options(server.Url, "db")), FastRetries(), delivery, delivery);

        using var lines = new LineProtocolBuffer();
        lines.Point("m").Field("v", 1L).Timestamp(1);
        await writer.EnqueueAsync(lines, 7);
        await delivery.WaitForReportsAsync(1);

        Assert.Equal(new DeliveryReport(7, 1, 0), delivery.For(7));
        Assert.Empty(delivery.Quarantined);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task With_two_concurrent_writes_the_next_batch_is_sent_while_the_first_is_being_stored()
    {
        var secondArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = 0;
        await using var server = new StubInfluxServer(async _ =>
        {
            if (Interlocked.Increment(ref requests) > 1)
            {
                secondArrived.TrySetResult();
                return new StubAnswer(204);
            }

            // The first write is stored only once the second is in: only a writer with two writes in flight sees no error.
            try
            {
                await secondArrived.Task.WaitAsync(TimeSpan.FromSeconds(20));
                return new StubAnswer(204);
            }
            catch (TimeoutException)
            {
                return new StubAnswer(503, """{"error":"no second write came"}""");
            }
        });
        using var http = new HttpClient();
        var delivery = new RecordingDelivery();
        var options = FastRetries();
        options.MaxConcurrentWrites = 2;
        options.MaxBatchLines = 1;
        await using var writer = new InfluxBatchWriter(new InfluxClient(http, InfluxTestDatabase.Options(server.Url, "db")), options, delivery, delivery);

        foreach (var tag in new[] { "a", "b" })
        {
            using var lines = new LineProtocolBuffer();
            lines.Point("m").Tag("t", tag).Field("v", 1L).Timestamp(1);
            await writer.EnqueueAsync(lines, tag);
        }

        await delivery.WaitForReportsAsync(2);

        Assert.Equal(new DeliveryReport("a", 1, 0), delivery.For("a"));
        Assert.Equal(new DeliveryReport("b", 1, 0), delivery.For("b"));
        Assert.Equal(0, writer.Stats.RetryableFailures);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Batches_by_line_count_without_splitting_a_submission()
    {
        await using var server = new StubInfluxServer(new StubAnswer(204));
        using var http = new HttpClient();
        var delivery = new RecordingDelivery();
        var options = FastRetries();
        options.MaxBatchLines = 10;
        options.FlushInterval = TimeSpan.FromSeconds(30);
        var writer = new InfluxBatchWriter(new InfluxClient(http, InfluxTestDatabase.Options(server.Url, "db", gzip: false)), options, delivery, delivery);

        for (var s = 0; s < 7; s++)
        {
            using var lines = new LineProtocolBuffer();
            for (var i = 0; i < 4; i++)
            {
                lines.Point("m").Tag("s", s.ToString(CultureInfo.InvariantCulture)).Field("v", i).Timestamp(i);
            }

            await writer.EnqueueAsync(lines, s);
        }

        await writer.CompleteAsync();

        Assert.Equal(7, delivery.Reports.Count);
        Assert.All(delivery.Reports, r => Assert.Equal(4, r.Stored));
        var lineCounts = server.Requests.Select(r => r.Body.Count(c => c == '\n')).ToArray();
        Assert.All(lineCounts, n => Assert.True(n is 4 or 8, $"a batch of {n} lines"));
        Assert.Equal(28, lineCounts.Sum());
    }

    [Fact]
    public async Task Complete_sends_what_is_queued_without_waiting_for_the_interval()
    {
        await using var server = new StubInfluxServer(new StubAnswer(204));
        using var http = new HttpClient();
        var delivery = new RecordingDelivery();
        var options = FastRetries();
        options.FlushInterval = TimeSpan.FromHours(1);
        var writer = new InfluxBatchWriter(new InfluxClient(http, InfluxTestDatabase.Options(server.Url, "db")), options, delivery, delivery);
        using var lines = new LineProtocolBuffer();
        lines.Point("m").Field("v", 1L).Timestamp(1);
        await writer.EnqueueAsync(lines, "x");

        await writer.CompleteAsync();

        Assert.Equal(new DeliveryReport("x", 1, 0), delivery.For("x"));
    }

    [Fact]
    public async Task Full_queue_makes_enqueue_wait()
    {
        // The server never answers, so the first batch is stuck and the queue of one fills.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        using var http = new HttpClient();
        var delivery = new RecordingDelivery();
        var options = FastRetries();
        options.QueueCapacity = 1;
        options.MaxBatchLines = 1;
        options.MaxConcurrentWrites = 1;
        var writer = new InfluxBatchWriter(new InfluxClient(http, InfluxTestDatabase.Options(new Uri($"http://127.0.0.1:{port}"), "db")), options, delivery, delivery);
        using var lines = new LineProtocolBuffer();
        lines.Point("m").Field("v", 1L).Timestamp(1);

        await writer.EnqueueAsync(lines, 1);
        while (writer.Stats.Requests == 0)
        {
            await Task.Delay(10);
        }

        // Submission 1 is in flight; 2 fills the queue of one; 3 must wait.
        await writer.EnqueueAsync(lines, 2);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.EnqueueAsync(lines, 3, cancel.Token).AsTask());
        Assert.Equal(2, writer.Stats.Submissions);

        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await writer.CompleteAsync(stop.Token);
        Assert.Empty(delivery.Reports);
    }

    [Fact]
    public async Task Empty_submission_is_reported_at_once()
    {
        await using var server = new StubInfluxServer(new StubAnswer(204));
        using var http = new HttpClient();
        var delivery = new RecordingDelivery();
        await using var writer = new InfluxBatchWriter(new InfluxClient(http, InfluxTestDatabase.Options(server.Url, "db")), FastRetries(), delivery, delivery);
        using var lines = new LineProtocolBuffer();

        await writer.EnqueueAsync(lines, "empty");

        Assert.Equal(new DeliveryReport("empty", 0, 0), delivery.For("empty"));
        Assert.Empty(server.Requests);
    }
}
