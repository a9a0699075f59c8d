using System.Text;
using ClassroomFleet.Agent.Outbox;

namespace ClassroomFleet.Agent.Tests.Outbox;

/// <summary>
/// The behaviour every outbox must show, run against each implementation (<see cref="FileOutboxTests"/>,
/// <see cref="MemoryOutboxTests"/>): order, acknowledgement, retransmission, window, bounds and exact drop counters.
/// </summary>
public abstract class OutboxContractTests : IAsyncLifetime
{
    private readonly List<IOutbox> _opened = [];

    protected ManualTime Time { get; } = new();

    protected abstract IOutbox Create(OutboxOptions options);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var outbox in _opened)
        {
            await outbox.CloseAsync();
        }
    }

    protected async Task<IOutbox> OpenAsync(OutboxOptions? options = null)
    {
        var outbox = Create(options ?? new OutboxOptions());
        await outbox.OpenAsync();
        _opened.Add(outbox);
        return outbox;
    }

    protected OutboxAppend Batch(string device, int n, int padding = 0) => new(
        device, "switch", Time.GetUtcNow().ToUnixTimeMilliseconds(),
        Encoding.UTF8.GetBytes($"[{{\"n\":{n},\"pad\":\"{new string('x', padding)}\"}}]"));

    protected static string Text(OutboxRecord record) => Encoding.UTF8.GetString(record.Points.Span);

    [Fact]
    public async Task Appends_Get_Increasing_Sequences_And_Are_Taken_In_That_Order_With_Their_Points()
    {
        var outbox = await OpenAsync();
        var sequences = new List<long>();
        for (var i = 0; i < 10; i++)
        {
            var result = await outbox.AppendAsync(Batch(i % 2 == 0 ? "sw-1" : "sw-2", i));
            Assert.True(result.Stored);
            sequences.Add(result.Sequence);
        }

        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(10, sequences.Distinct().Count());

        var taken = await outbox.TakeReadyAsync(100);
        Assert.Equal(sequences, taken.Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"[{{\"n\":{i},\"pad\":\"\"}}]"), taken.Select(Text));
        Assert.Equal("sw-2", taken[1].Device);
        Assert.Equal("switch", taken[1].Kind);
    }

    [Fact]
    public async Task Acknowledged_Batches_Leave_And_Others_Stay()
    {
        var outbox = await OpenAsync();
        var a = await outbox.AppendAsync(Batch("sw-1", 1));
        var b = await outbox.AppendAsync(Batch("sw-1", 2));
        var c = await outbox.AppendAsync(Batch("sw-1", 3));
        await outbox.TakeReadyAsync(10);

        outbox.Acknowledge([a.Sequence, c.Sequence, 424242]);

        var stats = outbox.GetStats();
        Assert.Equal(1, stats.Depth);
        Assert.Equal(2, stats.Acknowledged);
        Time.Advance(new OutboxOptions().AckTimeout + TimeSpan.FromSeconds(1));
        var again = await outbox.TakeReadyAsync(10);
        Assert.Equal([b.Sequence], again.Select(r => r.Sequence));
    }

    [Fact]
    public async Task A_Batch_Not_Acknowledged_Within_The_Timeout_Is_Taken_Again()
    {
        var outbox = await OpenAsync(new OutboxOptions { AckTimeout = TimeSpan.FromSeconds(10) });
        var a = await outbox.AppendAsync(Batch("sw-1", 1));

        Assert.Single(await outbox.TakeReadyAsync(10));
        Assert.Empty(await outbox.TakeReadyAsync(10));
        Time.Advance(TimeSpan.FromSeconds(9));
        Assert.Empty(await outbox.TakeReadyAsync(10));
        Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal([a.Sequence], (await outbox.TakeReadyAsync(10)).Select(r => r.Sequence));
    }

    [Fact]
    public async Task A_Released_Batch_Is_Ready_At_Once()
    {
        var outbox = await OpenAsync();
        var a = await outbox.AppendAsync(Batch("sw-1", 1));
        await outbox.TakeReadyAsync(10);

        outbox.Release(a.Sequence);

        Assert.Equal([a.Sequence], (await outbox.TakeReadyAsync(10)).Select(r => r.Sequence));
    }

    [Fact]
    public async Task The_InFlight_Window_Bounds_What_Is_Taken_Until_Acknowledgements_Free_It()
    {
        var outbox = await OpenAsync(new OutboxOptions { MaxInFlight = 3 });
        var sequences = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            sequences.Add((await outbox.AppendAsync(Batch("sw-1", i))).Sequence);
        }

        Assert.Equal(sequences[..3], (await outbox.TakeReadyAsync(10)).Select(r => r.Sequence));
        Assert.Empty(await outbox.TakeReadyAsync(10));
        outbox.Acknowledge([sequences[0]]);
        Assert.Equal([sequences[3]], (await outbox.TakeReadyAsync(10)).Select(r => r.Sequence));
        Assert.Equal(3, outbox.GetStats().InFlight);
    }

    [Fact]
    public async Task Rejected_Batches_Leave_And_Are_Counted_As_Rejected()
    {
        var outbox = await OpenAsync();
        var a = await outbox.AppendAsync(Batch("sw-1", 1));
        await outbox.AppendAsync(Batch("sw-1", 2));

        outbox.Reject([a.Sequence]);
        outbox.Reject([a.Sequence]);

        var stats = outbox.GetStats();
        Assert.Equal(1, stats.Dropped[DropReason.Rejected]);
        Assert.Equal(1, stats.Depth);
        Assert.Equal(0, stats.Acknowledged);
    }

    [Fact]
    public async Task Batches_Older_Than_MaxAge_Are_Dropped_And_Counted_Exactly()
    {
        var outbox = await OpenAsync(new OutboxOptions { MaxAge = TimeSpan.FromHours(1) });
        for (var i = 0; i < 4; i++)
        {
            await outbox.AppendAsync(Batch("sw-1", i));
        }

        Time.Advance(TimeSpan.FromMinutes(40));
        var young = await outbox.AppendAsync(Batch("sw-1", 99));
        Time.Advance(TimeSpan.FromMinutes(21));

        var taken = await outbox.TakeReadyAsync(100);

        Assert.Equal([young.Sequence], taken.Select(r => r.Sequence));
        var stats = outbox.GetStats();
        Assert.Equal(4, stats.Dropped[DropReason.Expired]);
        Assert.Equal(1, stats.Depth);
    }

    [Fact]
    public async Task Appending_Alone_Applies_The_Age_Bound_Oldest_First()
    {
        var outbox = await OpenAsync(new OutboxOptions { MaxAge = TimeSpan.FromHours(1) });
        var old = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            old.Add((await outbox.AppendAsync(Batch("sw-1", i))).Sequence);
            Time.Advance(TimeSpan.FromMinutes(10));
        }

        // Nothing is taken (the broker is down). At minute 65 only the first (minute 0) is past the bound when the next poll comes.
        Time.Advance(TimeSpan.FromMinutes(35));
        await outbox.AppendAsync(Batch("sw-1", 3));

        var stats = outbox.GetStats();
        Assert.Equal(1, stats.Dropped[DropReason.Expired]);
        Assert.Equal(3, stats.Depth);
        Assert.Equal(55 * 60, stats.OldestAgeSeconds, 3);
    }

    [Fact]
    public async Task Sizes_Count_Utf8_Bytes_So_Chinese_Device_Names_Hit_The_Bound_Where_Their_Bytes_Do()
    {
        var options = new OutboxOptions { MaxBytes = 32 * 1024, SegmentBytes = 4096 };
        var outbox = await OpenAsync(options);
        // 20 CJK characters are 60 UTF-8 bytes; a character count would see 20 and let the outbox grow past its bound.
        var device = new string('机', 20);
        var appended = 0;
        for (var i = 0; i < 400; i++)
        {
            Assert.True((await outbox.AppendAsync(new OutboxAppend(device, "交换机", Time.GetUtcNow().ToUnixTimeMilliseconds(), Encoding.UTF8.GetBytes($"[{{\"n\":{i}}}]")))).Stored);
            appended++;
        }

        var stats = outbox.GetStats();
        Assert.True(stats.Bytes <= options.MaxBytes, $"{stats.Bytes} bytes over the bound of {options.MaxBytes}");
        Assert.Equal(appended, stats.Depth + stats.Dropped[DropReason.Overflow]);
        var one = SegmentCodec.RecordLength(new OutboxAppend(device, "交换机", 0, Encoding.UTF8.GetBytes("[{\"n\":100}]")));
        Assert.Equal(12 + 18 + 60 + 9 + 11, one);
        Assert.True(stats.Depth * one <= options.MaxBytes, $"{stats.Depth} batches of {one} bytes are over the bound");
    }

    [Fact]
    public async Task Over_MaxBytes_The_Oldest_Go_First_And_Every_Batch_Is_Accounted_For()
    {
        var options = new OutboxOptions { MaxBytes = 64 * 1024, SegmentBytes = 8 * 1024 };
        var outbox = await OpenAsync(options);
        var sequences = new List<long>();
        for (var i = 0; i < 400; i++)
        {
            var result = await outbox.AppendAsync(Batch("sw-1", i, padding: 400));
            Assert.True(result.Stored);
            sequences.Add(result.Sequence);
        }

        var stats = outbox.GetStats();
        var dropped = stats.Dropped[DropReason.Overflow];
        Assert.True(dropped > 0, "the bound should have been reached");
        Assert.Equal(400, stats.Depth + dropped);
        Assert.True(stats.Bytes <= options.MaxBytes, $"{stats.Bytes} bytes over the bound of {options.MaxBytes}");

        // What is left is exactly the newest: the oldest were dropped first.
        var left = await outbox.TakeReadyAsync(1000);
        Assert.Equal(sequences[(int)dropped..], left.Select(r => r.Sequence));
    }

    [Fact]
    public async Task Stats_Report_Depth_Bytes_And_The_Age_Of_The_Oldest()
    {
        var outbox = await OpenAsync();
        Assert.Equal(0, outbox.GetStats().Depth);
        Assert.Equal(0, outbox.GetStats().OldestAgeSeconds);

        await outbox.AppendAsync(Batch("sw-1", 1));
        Time.Advance(TimeSpan.FromSeconds(30));
        await outbox.AppendAsync(Batch("sw-1", 2));
        Time.Advance(TimeSpan.FromSeconds(15));

        var stats = outbox.GetStats();
        Assert.Equal(2, stats.Depth);
        Assert.Equal(2, stats.Appended);
        Assert.Equal(45, stats.OldestAgeSeconds, 3);
        Assert.True(stats.Bytes > 2 * 20);
    }

    [Fact]
    public async Task Concurrent_Appends_Are_All_Stored_Under_Distinct_Sequences()
    {
        var outbox = await OpenAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => outbox.AppendAsync(Batch($"sw-{i % 7}", i)).AsTask()));

        Assert.All(results, r => Assert.True(r.Stored));
        Assert.Equal(500, results.Select(r => r.Sequence).Distinct().Count());
        Assert.Equal(500, outbox.GetStats().Depth);

        // Per device, sequence order is the order each device's appends completed in.
        var taken = await outbox.TakeReadyAsync(1000);
        Assert.Equal(taken.Select(r => r.Sequence).Order(), taken.Select(r => r.Sequence));
    }
}
