using System.Globalization;

namespace ClassroomFleet.Agent.Outbox;

/// <summary>
/// Start-up recovery: reads every segment, skips what its <c>.done</c> file lists, cuts off a torn last record, and
/// moves a damaged segment to <c>quarantine/</c> after rewriting the records it could salvage. Never throws for I/O
/// errors: a folder that cannot be written leaves the outbox dropping (and counting) new appends.
/// </summary>
public sealed partial class FileOutbox
{
    private void Recover()
    {
        try
        {
            System.IO.Directory.CreateDirectory(_directory);
        }
        catch (Exception ex) when (DropClassifier.IsIoFailure(ex))
        {
            var reason = DropClassifier.Classify(ex);
            _failing = reason;
            _lastError = ex.Message;
            _logger.NotWritable(_directory, reason, ex.Message);
        }

        long next = 0;
        if (System.IO.Directory.Exists(_directory))
        {
            var found = new SortedDictionary<long, string>();
            foreach (var path in System.IO.Directory.EnumerateFiles(_directory, "seg-*.log"))
            {
                if (SegmentFile.TryParseName(Path.GetFileName(path), out var first))
                {
                    found[first] = path;
                }
            }

            foreach (var (first, path) in found)
            {
                next = Math.Max(next, RecoverSegment(path, first));
            }
        }

        var stored = _sequenceStore.Read();
        next = Math.Max(next, stored ?? 0);
        if (next == 0)
        {
            // A fresh outbox: start from the wall clock in microseconds, above any sequence an older install could have sent.
            next = _time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        }

        _nextSequence = next;
        _logger.Opened(_directory, _index.Count, _diskBytes, _segments.Count, next);
    }

    // Returns the smallest sequence the next append may use, as far as this segment tells.
    private long RecoverSegment(string path, long first)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (DropClassifier.IsIoFailure(ex))
        {
            _logger.ReadFailed(path, ex.Message);
            return first;
        }

        var scan = SegmentScan.Read(bytes);
        var donePath = Path.ChangeExtension(path, ".done");
        var done = SegmentFile.ReadDone(donePath);
        var next = first;
        var live = new List<ScannedRecord>();
        foreach (var record in scan.Records)
        {
            next = Math.Max(next, record.Record.Sequence + 1);
            if (!done.Contains(record.Record.Sequence) && !_index.Contains(record.Record.Sequence))
            {
                live.Add(record);
            }
        }

        var length = scan.GoodEnd;
        if (scan.TornTailBytes > 0)
        {
            // Never fsynced, so never reported as collected: counted by the records it visibly began, and cut off.
            _counters.AddDropped(DropReason.TornTail, scan.TailRecords);
            _logger.TornTail(path, scan.TornTailBytes, scan.TailRecords, bytes.AsSpan((int)scan.GoodEnd).ContainsAnyExcept((byte)0) ? "data" : "zeros");
        }

        if (scan.NeedsSalvage)
        {
            _counters.AddDropped(DropReason.Corrupt, scan.LostRecords);
            _counters.AddQuarantined();
            (live, length) = Salvage(path, donePath, bytes, live, scan);
        }
        else if (scan.TornTailBytes > 0)
        {
            TryTruncate(path, scan.GoodEnd);
        }

        if (live.Count == 0)
        {
            TryDelete(path);
            TryDelete(donePath);
            return next;
        }

        var segment = SegmentFile.OpenExisting(_directory, first, length);
        segment.Live = live.Count;
        _segments[first] = segment;
        _diskBytes += length;
        for (var i = 0; i < live.Count; i++)
        {
            var (record, offset) = live[i];
            _index.Add(new OutboxEntry(record.Sequence, record.Device, record.Kind, record.CreatedUnixMs, record.TotalLength)
            {
                Segment = segment,
                PointsOffset = offset + record.PointsOffset,
                PointsLength = record.PointsLength,
            });
        }

        return next;
    }

    // Rewrites the live records into a fresh file under the same name and moves the damaged original to quarantine/.
    private (List<ScannedRecord> Live, long Length) Salvage(string path, string donePath, byte[] bytes, List<ScannedRecord> live, SegmentScan scan)
    {
        var quarantined = Path.Combine(QuarantineDirectory,
            Path.GetFileName(path) + "." + _time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        var temporary = path + ".salvage";
        var rewritten = new List<ScannedRecord>(live.Count);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1, FileOptions.None))
            {
                Span<byte> header = stackalloc byte[SegmentCodec.HeaderSize];
                SegmentCodec.WriteHeader(header);
                stream.Write(header);
                foreach (var (record, offset) in live)
                {
                    rewritten.Add(new ScannedRecord(record, stream.Position));
                    stream.Write(bytes.AsSpan((int)offset, record.TotalLength));
                }

                stream.Flush(flushToDisk: true);
            }

            System.IO.Directory.CreateDirectory(QuarantineDirectory);
            File.Move(path, quarantined);
            File.Move(temporary, path);
            TryDelete(donePath);
            DirectorySync.Sync(_directory);
            _logger.Quarantined(path, scan.DamagedRegions, scan.LostRecords, quarantined, live.Count);
            var length = rewritten.Count == 0 ? SegmentCodec.HeaderSize : rewritten[^1].Offset + rewritten[^1].Record.TotalLength;
            return (rewritten, length);
        }
        catch (Exception ex) when (DropClassifier.IsIoFailure(ex))
        {
            // A read-only folder: serve the salvaged records from the damaged file as it is.
            TryDelete(temporary);
            _logger.Quarantined(path, scan.DamagedRegions, scan.LostRecords, "(left in place: " + ex.Message + ")", live.Count);
            return (live, bytes.Length);
        }
    }

    private void TryTruncate(string path, long length)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
            stream.SetLength(length);
            stream.Flush(flushToDisk: true);
        }
        catch (Exception ex) when (DropClassifier.IsIoFailure(ex))
        {
            _logger.HousekeepingFailed(path, ex.Message);
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (DropClassifier.IsIoFailure(ex))
        {
            _logger.HousekeepingFailed(path, ex.Message);
        }
    }
}
