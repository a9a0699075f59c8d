using System.Buffers.Binary;
using ClassroomFleet.Agent.Outbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Agent.Tests.Outbox;

/// <summary>The contract suite on disk, plus what only a durable outbox must do: survive a restart, a torn write and a corrupt segment.</summary>
public sealed class FileOutboxTests : OutboxContractTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cf-outbox-").FullName;

    private string OutboxFolder => Path.Combine(_folder, "outbox");

    protected override IOutbox Create(OutboxOptions options) => new FileOutbox(OutboxFolder, options, Time, NullLogger.Instance);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task After_A_Restart_Unacknowledged_Batches_Are_Replayed_In_Order_With_Their_Points()
    {
        var first = await OpenAsync();
        var a = await first.AppendAsync(Batch("sw-1", 1));
        var b = await first.AppendAsync(Batch("sw-2", 2));
        var c = await first.AppendAsync(Batch("sw-1", 3));
        first.Acknowledge([b.Sequence]);
        await first.CloseAsync();

        var second = await OpenAsync();
        var replayed = await second.TakeReadyAsync(10);

        Assert.Equal([a.Sequence, c.Sequence], replayed.Select(r => r.Sequence));
        Assert.Equal(["[{\"n\":1,\"pad\":\"\"}]", "[{\"n\":3,\"pad\":\"\"}]"], replayed.Select(Text));
        Assert.Equal(["sw-1", "sw-1"], replayed.Select(r => r.Device));
        var next = await second.AppendAsync(Batch("sw-1", 4));
        Assert.True(next.Sequence > c.Sequence);
    }

    [Fact]
    public async Task Sequences_Keep_Growing_Across_Restarts_Even_When_Everything_Was_Acknowledged()
    {
        long last = 0;
        for (var run = 0; run < 3; run++)
        {
            var outbox = await OpenAsync(new OutboxOptions { SegmentBytes = 4096, MaxBytes = 1024 * 1024 });
            for (var i = 0; i < 30; i++)
            {
                var result = await outbox.AppendAsync(Batch("sw-1", i, padding: 300));
                Assert.True(result.Sequence > last, $"run {run}: sequence {result.Sequence} after {last}");
                last = result.Sequence;
                outbox.Acknowledge([result.Sequence]);
            }

            Assert.Equal(0, outbox.GetStats().Depth);
            await outbox.CloseAsync();
        }

        // Acknowledged segments are deleted; at most the last active one remains.
        Assert.True(Directory.GetFiles(OutboxFolder, "seg-*.log").Length <= 1);
    }

    [Fact]
    public async Task A_Torn_Last_Record_Is_Cut_Off_And_Everything_Before_It_Survives()
    {
        var first = await OpenAsync();
        var sequences = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            sequences.Add((await first.AppendAsync(Batch("sw-1", i))).Sequence);
        }

        await first.CloseAsync();
        var segment = Directory.GetFiles(OutboxFolder, "seg-*.log").Single();
        // A crash in the middle of writing a sixth record: its header and half its body reached the disk.
        var sixth = File.ReadAllBytes(segment)[SegmentCodec.HeaderSize..];
        await using (var stream = new FileStream(segment, FileMode.Append))
        {
            stream.Write(sixth.AsSpan(0, sixth.Length / 5 / 2));
        }

        var second = await OpenAsync();
        var replayed = await second.TakeReadyAsync(10);

        Assert.Equal(sequences, replayed.Select(r => r.Sequence));
        Assert.Equal(0, second.GetStats().Dropped[DropReason.Corrupt]);
        Assert.Equal(1, second.GetStats().Dropped[DropReason.TornTail]);
        Assert.False(Directory.Exists(Path.Combine(OutboxFolder, "quarantine")));
    }

    [Fact]
    public async Task After_Power_Loss_A_Zero_Filled_Tail_Is_Cut_At_The_Last_Valid_Record_Without_Quarantine()
    {
        var first = await OpenAsync();
        var sequences = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            sequences.Add((await first.AppendAsync(Batch("sw-1", i))).Sequence);
        }

        await first.CloseAsync();
        var segment = Directory.GetFiles(OutboxFolder, "seg-*.log").Single();
        var goodLength = new FileInfo(segment).Length;
        // The file system grew the file for a write that never reached the disk: the new blocks read as zeros.
        await using (var stream = new FileStream(segment, FileMode.Append))
        {
            stream.Write(new byte[8192]);
        }

        var second = await OpenAsync();
        var replayed = await second.TakeReadyAsync(10);

        Assert.Equal(sequences, replayed.Select(r => r.Sequence));
        var stats = second.GetStats();
        Assert.Equal(0, stats.Dropped[DropReason.Corrupt]);
        Assert.Equal(0, stats.Dropped[DropReason.TornTail]);
        Assert.Equal(0, stats.QuarantinedSegments);
        Assert.Equal(goodLength, new FileInfo(segment).Length);

        // The cut file takes appends again after a second restart, and they follow the recovered ones.
        var next = await second.AppendAsync(Batch("sw-1", 5));
        Assert.True(next.Sequence > sequences[^1]);
    }

    [Fact]
    public async Task After_Power_Loss_A_Last_Record_With_Zeroed_Body_Counts_As_Torn_Tail_And_The_Rest_Survives()
    {
        var first = await OpenAsync();
        var sequences = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            sequences.Add((await first.AppendAsync(Batch("sw-1", i, padding: 200))).Sequence);
        }

        await first.CloseAsync();
        var segment = Directory.GetFiles(OutboxFolder, "seg-*.log").Single();
        var bytes = File.ReadAllBytes(segment);
        var last = OffsetOfRecord(bytes, 5);
        // Its header reached the disk, the second half of its body did not (length intact, CRC now wrong).
        var bodyStart = last + SegmentCodec.RecordHeaderSize;
        Array.Clear(bytes, bodyStart + ((bytes.Length - bodyStart) / 2), (bytes.Length - bodyStart) - ((bytes.Length - bodyStart) / 2));
        File.WriteAllBytes(segment, bytes);

        var second = await OpenAsync();
        var replayed = await second.TakeReadyAsync(10);

        Assert.Equal(sequences[..5], replayed.Select(r => r.Sequence));
        var stats = second.GetStats();
        Assert.Equal(1, stats.Dropped[DropReason.TornTail]);
        Assert.Equal(0, stats.Dropped[DropReason.Corrupt]);
        Assert.Equal(0, stats.QuarantinedSegments);
        Assert.Equal(last, new FileInfo(segment).Length);
    }

    [Fact]
    public async Task Across_Many_Segments_A_Restart_Replays_Exactly_The_Unacknowledged_In_Order_And_Empty_Segments_Go()
    {
        var options = new OutboxOptions { SegmentBytes = 4096, MaxBytes = 4 * 1024 * 1024 };
        var first = await OpenAsync(options);
        var all = new List<long>();
        for (var i = 0; i < 120; i++)
        {
            all.Add((await first.AppendAsync(Batch($"教学楼-交换机-{i % 3}", i, padding: 150))).Sequence);
        }

        var segmentsBefore = Directory.GetFiles(OutboxFolder, "seg-*.log").Length;
        Assert.True(segmentsBefore >= 5, $"only {segmentsBefore} segments: the test should cross boundaries");

        // Acknowledge the first 40 whole (their segments empty out) and every third one after.
        var acknowledged = all.Take(40).Concat(all.Skip(40).Where((_, i) => i % 3 == 0)).ToList();
        first.Acknowledge(acknowledged);
        await first.CloseAsync();

        var second = await OpenAsync(options);
        var replayed = await second.TakeReadyAsync(1000);

        Assert.Equal(all.Except(acknowledged), replayed.Select(r => r.Sequence));
        Assert.All(replayed, r => Assert.StartsWith("教学楼-交换机-", r.Device, StringComparison.Ordinal));
        var firstLeft = all.Except(acknowledged).First();
        Assert.All(Directory.GetFiles(OutboxFolder, "seg-*.log"), path =>
        {
            Assert.True(SegmentFile.TryParseName(Path.GetFileName(path), out var firstInFile));
            var scan = SegmentScan.Read(File.ReadAllBytes(path));
            Assert.Contains(scan.Records, r => r.Record.Sequence >= firstLeft);
        });
        Assert.Equal(replayed.Count, second.GetStats().Depth);
    }

    [Fact]
    public async Task A_Corrupt_Record_Quarantines_Its_Segment_The_Rest_Is_Salvaged_And_The_Loss_Counted()
    {
        var first = await OpenAsync();
        var sequences = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            sequences.Add((await first.AppendAsync(Batch("sw-1", i))).Sequence);
        }

        await first.CloseAsync();
        var segment = Directory.GetFiles(OutboxFolder, "seg-*.log").Single();
        var bytes = File.ReadAllBytes(segment);
        var third = OffsetOfRecord(bytes, 2);
        bytes[third + SegmentCodec.RecordHeaderSize + 20] ^= 0x5A;   // bit rot inside the third record's body
        File.WriteAllBytes(segment, bytes);

        var second = await OpenAsync();
        var replayed = await second.TakeReadyAsync(10);

        Assert.Equal(sequences.Where((_, i) => i != 2), replayed.Select(r => r.Sequence));
        var stats = second.GetStats();
        Assert.Equal(1, stats.Dropped[DropReason.Corrupt]);
        Assert.Equal(1, stats.QuarantinedSegments);
        Assert.Single(Directory.GetFiles(Path.Combine(OutboxFolder, "quarantine")));

        // The salvaged segment is clean: a third start finds no damage and the same batches.
        await second.CloseAsync();
        var third3 = await OpenAsync();
        Assert.Equal(0, third3.GetStats().QuarantinedSegments);
        Assert.Equal(5, third3.GetStats().Depth);
    }

    [Fact]
    public async Task A_Segment_Of_Garbage_Is_Quarantined_And_The_Outbox_Still_Opens_And_Works()
    {
        Directory.CreateDirectory(OutboxFolder);
        File.WriteAllBytes(Path.Combine(OutboxFolder, SegmentFile.LogName(1000)), Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray());

        var outbox = await OpenAsync();

        Assert.Equal(1, outbox.GetStats().QuarantinedSegments);
        Assert.Equal(0, outbox.GetStats().Depth);
        var result = await outbox.AppendAsync(Batch("sw-1", 1));
        Assert.True(result.Stored);
        Assert.True(result.Sequence >= 1000);
    }

    [Fact]
    public async Task An_Append_Completes_Only_After_Its_Record_Is_In_The_File()
    {
        var outbox = await OpenAsync();
        var result = await outbox.AppendAsync(Batch("sw-1", 7));

        // Read the file as a new process would after kill -9: the record is there, whole.
        var segment = Directory.GetFiles(OutboxFolder, "seg-*.log").Single();
        var scan = SegmentScan.Read(File.ReadAllBytes(segment));
        Assert.Equal([result.Sequence], scan.Records.Select(r => r.Record.Sequence));
    }

    private static int OffsetOfRecord(byte[] segment, int index)
    {
        var at = SegmentCodec.HeaderSize;
        for (var i = 0; i < index; i++)
        {
            at += SegmentCodec.RecordHeaderSize + (int)BinaryPrimitives.ReadUInt32LittleEndian(segment.AsSpan(at + 4));
        }

        return at;
    }
}
