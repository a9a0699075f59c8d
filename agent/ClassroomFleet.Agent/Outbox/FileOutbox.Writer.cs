using System.Buffers;

namespace ClassroomFleet.Agent.Outbox;

/// <summary>The single writer: encodes a group of appends, writes it with one fsync, then confirms each append.</summary>
public sealed partial class FileOutbox
{
    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        var group = new List<PendingAppend>(_options.CommitMaxRecords);
        var reader = _appends.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            group.Clear();
            while (group.Count < _options.CommitMaxRecords && reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            Commit(group, buffer);
        }
    }

    private void Commit(List<PendingAppend> group, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        var encoded = new List<(PendingAppend Pending, long Sequence, int RecordStart, int PointsStart)>(group.Count);
        var sequence = _nextSequence;
        foreach (var pending in group)
        {
            var start = buffer.WrittenCount;
            try
            {
                var pointsStart = SegmentCodec.WriteRecord(buffer, sequence, pending.Append);
                encoded.Add((pending, sequence++, start, pointsStart));
            }
            catch (ArgumentException ex)
            {
                _counters.AddDropped(DropReason.IoError, 1);
                _logger.WriteFailed(DropReason.IoError, 1, ex.Message);
                pending.Completion.TrySetResult(AppendResult.Dropped(DropReason.IoError));
            }
        }

        if (encoded.Count == 0)
        {
            return;
        }

        long baseOffset = -1;
        try
        {
            var segment = PrepareActive(_nextSequence, buffer.WrittenCount);
            baseOffset = segment.Length;
            segment.Append(buffer.WrittenSpan);
        }
        catch (Exception ex) when (DropClassifier.IsIoFailure(ex))
        {
            FailGroup(encoded.ConvertAll(e => e.Pending), baseOffset, ex);
            return;
        }

        lock (_gate)
        {
            var segment = _active!;
            for (var i = 0; i < encoded.Count; i++)
            {
                var (pending, seq, recordStart, pointsStart) = encoded[i];
                var recordEnd = i + 1 < encoded.Count ? encoded[i + 1].RecordStart : buffer.WrittenCount;
                _index.Add(new OutboxEntry(seq, pending.Append.Device, pending.Append.Kind, pending.Append.CreatedUnixMs, recordEnd - recordStart)
                {
                    Segment = segment,
                    PointsOffset = baseOffset + recordStart + pointsStart,
                    PointsLength = pending.Append.Points.Length,
                });
            }

            segment.Live += encoded.Count;
            _diskBytes += buffer.WrittenCount;
            Interlocked.Exchange(ref _nextSequence, sequence);
            _counters.AddAppended(encoded.Count);
            if (_failing is { } previous)
            {
                _logger.WriteRecovered(previous);
                _failing = null;
                _lastError = null;
            }
        }

        foreach (var (pending, seq, _, _) in encoded)
        {
            pending.Completion.TrySetResult(AppendResult.Success(seq));
        }

        _ready.Set();
    }

    // Applies the age bound, rolls a full active segment, applies the size bound for the incoming bytes, and opens a new segment if needed.
    private SegmentFile PrepareActive(long firstSequence, int incoming)
    {
        lock (_gate)
        {
            ExpireOld();
            if (_active is { } full && (full.Length >= _options.SegmentBytes || !full.IsAppendable))
            {
                full.CloseForAppend();
                _active = null;
                if (full.Live == 0)
                {
                    DeleteSegment(full);
                }
            }

            EnforceSizeBound(incoming + (_active is null ? SegmentCodec.HeaderSize : 0));
            if (_active is not null)
            {
                return _active;
            }
        }

        var created = SegmentFile.Create(_directory, firstSequence);
        lock (_gate)
        {
            _segments[firstSequence] = created;
            _diskBytes += created.Length;
            _active = created;
            return created;
        }
    }

    // Caller holds _gate. Size bound: the oldest whole segments go first (docs/outbox.md), counted as overflow.
    private void EnforceSizeBound(long incoming)
    {
        long dropped = 0;
        while (_diskBytes + incoming > _options.MaxBytes)
        {
            SegmentFile? oldest = null;
            foreach (var segment in _segments.Values)
            {
                if (segment != _active)
                {
                    oldest = segment;
                    break;
                }
            }

            if (oldest is null)
            {
                break;
            }

            foreach (var entry in _index.InSegment(oldest))
            {
                _index.Remove(entry.Sequence);
                dropped++;
            }

            oldest.Live = 0;
            DeleteSegment(oldest);
        }

        if (dropped > 0)
        {
            _counters.AddDropped(DropReason.Overflow, dropped);
            _logger.Dropped(DropReason.Overflow, dropped);
        }
    }

    private void FailGroup(List<PendingAppend> group, long baseOffset, Exception exception)
    {
        var reason = DropClassifier.Classify(exception);
        lock (_gate)
        {
            if (_active is { } segment)
            {
                try
                {
                    if (baseOffset >= 0)
                    {
                        segment.TruncateTo(baseOffset);
                    }
                }
                catch (Exception ex) when (DropClassifier.IsIoFailure(ex))
                {
                    // Cannot cut the partial group off: stop appending to this file; recovery treats the rest as torn.
                    segment.CloseForAppend();
                    _active = null;
                    if (segment.Live == 0)
                    {
                        DeleteSegment(segment);
                    }
                }
            }

            _counters.AddDropped(reason, group.Count);
            if (_failing != reason)
            {
                _logger.WriteFailed(reason, group.Count, exception.Message);
            }

            _failing = reason;
            _lastError = exception.Message;
        }

        foreach (var pending in group)
        {
            pending.Completion.TrySetResult(AppendResult.Dropped(reason));
        }
    }
}
