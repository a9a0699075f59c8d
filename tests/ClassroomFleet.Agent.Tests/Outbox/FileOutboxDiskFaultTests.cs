using System.Text;
using ClassroomFleet.Agent.Outbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Agent.Tests.Outbox;

/// <summary>The outbox on a full disk and on a read-only folder: clear drops by reason, no exception, and recovery.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "root")]
public sealed class FileOutboxDiskFaultTests
{
    private readonly ManualTime _time = new();

    [Fact]
    public async Task On_A_Full_Disk_Appends_Are_Dropped_As_DiskFull_Counted_Exactly_And_Writes_Resume_When_Space_Frees()
    {
        await using var disk = await MountedFolder.TmpfsAsync(256);
        var outbox = new FileOutbox(Path.Combine(disk.Path, "outbox"), new OutboxOptions { SegmentBytes = 16 * 1024 }, _time, NullLogger.Instance);
        await outbox.OpenAsync();

        var stored = new List<long>();
        var dropped = 0;
        for (var i = 0; i < 600; i++)
        {
            var result = await outbox.AppendAsync(Batch(i));
            if (result.Stored)
            {
                stored.Add(result.Sequence);
            }
            else
            {
                Assert.Equal(DropReason.DiskFull, result.Reason);
                dropped++;
            }
        }

        var stats = outbox.GetStats();
        Assert.True(dropped > 0, "256 KiB should not hold 600 batches of 1 KiB");
        Assert.Equal(dropped, stats.Dropped[DropReason.DiskFull]);
        Assert.Equal(stored.Count, stats.Depth);
        Assert.False(stats.Writable);
        Assert.Contains("space", stats.LastError, StringComparison.OrdinalIgnoreCase);

        // Everything stored is intact and in order; acknowledging it frees the disk and writes work again.
        var taken = await outbox.TakeReadyAsync(1000);
        Assert.Equal(stored.Take(256), taken.Select(r => r.Sequence).Take(256));
        outbox.Acknowledge(stored);
        var after = await outbox.AppendAsync(Batch(9999));
        Assert.True(after.Stored);
        Assert.True(after.Sequence > stored[^1]);
        Assert.True(outbox.GetStats().Writable);
        await outbox.CloseAsync();
    }

    [Fact]
    public async Task On_A_Read_Only_Folder_The_Outbox_Opens_Replays_What_It_Holds_And_Drops_New_Appends_As_ReadOnly()
    {
        var folder = Directory.CreateTempSubdirectory("cf-outbox-ro-").FullName;
        try
        {
            var outbox = new FileOutbox(folder, new OutboxOptions(), _time, NullLogger.Instance);
            await outbox.OpenAsync();
            var kept = await outbox.AppendAsync(Batch(1));
            await outbox.CloseAsync();

            await using (await MountedFolder.ReadOnlyAsync(folder))
            {
                var readOnly = new FileOutbox(folder, new OutboxOptions(), _time, NullLogger.Instance);
                await readOnly.OpenAsync();

                Assert.Equal([kept.Sequence], (await readOnly.TakeReadyAsync(10)).Select(r => r.Sequence));
                var results = new List<AppendResult>();
                for (var i = 0; i < 5; i++)
                {
                    results.Add(await readOnly.AppendAsync(Batch(i)));
                }

                Assert.All(results, r => Assert.Equal(DropReason.ReadOnly, r.Reason));
                Assert.All(results, r => Assert.False(r.Stored));
                Assert.Equal(5, readOnly.GetStats().Dropped[DropReason.ReadOnly]);
                Assert.False(readOnly.GetStats().Writable);
                readOnly.Acknowledge([kept.Sequence]);
                Assert.Equal(0, readOnly.GetStats().Depth);
                await readOnly.CloseAsync();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private OutboxAppend Batch(int n) =>
        new("sw-1", "switch", _time.GetUtcNow().ToUnixTimeMilliseconds(), Encoding.UTF8.GetBytes($"[{{\"n\":{n},\"pad\":\"{new string('x', 1000)}\"}}]"));
}
