using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Outbox;

/// <summary>
/// The durable outbox: append-only segment files in one folder, written by a single writer that commits groups of
/// appends with one fsync each (group commit), and an in-memory index of what waits for the fleet. Layout, recovery and
/// drop policy: docs/outbox.md.
/// </summary>
public sealed partial class FileOutbox : IOutbox, IAsyncDisposable
{
    private readonly string _directory;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly OutboxIndex _index;
    private readonly OutboxCounters _counters = new();
    private readonly ReadySignal _ready = new();
    private readonly SequenceStore _sequenceStore;
    private readonly SortedDictionary<long, SegmentFile> _segments = [];
    private readonly Lock _gate = new();
    private readonly Channel<PendingAppend> _appends = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _writer;
    private SegmentFile? _active;
    private long _nextSequence;
    private long _diskBytes;
    private DropReason? _failing;
    private string? _lastError;

    public FileOutbox(string directory, OutboxOptions options, TimeProvider time, ILogger logger)
    {
        _directory = Path.GetFullPath(directory);
        _options = options;
        _time = time;
        _logger = logger;
        _index = new OutboxIndex(time, options);
        _sequenceStore = new SequenceStore(_directory);
    }

    public string Directory => _directory;

    public string QuarantineDirectory => Path.Combine(_directory, "quarantine");

    public Task OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_writer is not null)
        {
            throw new InvalidOperationException("the outbox is already open");
        }

        Recover();
        _writer = Task.Run(() => WriteLoopAsync(CancellationToken.None), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async ValueTask<AppendResult> AppendAsync(OutboxAppend append, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(append);
        var pending = new PendingAppend(append);
        if (!_appends.Writer.TryWrite(pending))
        {
            return AppendResult.Dropped(DropReason.IoError);
        }

        // The write goes ahead even if the caller stops waiting: once queued, a batch is stored or counted as dropped.
        return await pending.Completion.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<IReadOnlyList<OutboxRecord>> TakeReadyAsync(int max, CancellationToken cancellationToken = default)
    {
        List<OutboxEntry> taken;
        lock (_gate)
        {
            ExpireOld();
            taken = _index.Take(max);
        }

        var records = new List<OutboxRecord>(taken.Count);
        foreach (var entry in taken)
        {
            try
            {
                var points = await entry.Segment!.ReadAsync(entry.PointsOffset, entry.PointsLength, cancellationToken).ConfigureAwait(false);
                records.Add(new OutboxRecord(entry.Sequence, entry.Device, entry.Kind, entry.CreatedUnixMs, points));
            }
            catch (ObjectDisposedException)
            {
                // Its segment was dropped (overflow) while we read: the batch is already counted.
            }
            catch (IOException ex)
            {
                _logger.ReadFailed(entry.Segment!.LogPath, ex.Message);
            }
        }

        return records;
    }

    public Task WaitReadyAsync(TimeSpan limit, CancellationToken cancellationToken = default) => _ready.WaitAsync(limit, cancellationToken);

    public int Acknowledge(IReadOnlyList<long> stored) => Finish(stored, null);

    public int Reject(IReadOnlyList<long> rejected) => Finish(rejected, DropReason.Rejected);

    public void Release(long sequence)
    {
        lock (_gate)
        {
            _index.Release(sequence);
        }

        _ready.Set();
    }

    public OutboxStats GetStats()
    {
        lock (_gate)
        {
            var oldest = _index.Oldest;
            var age = oldest is null ? 0 : Math.Max(0, (_time.GetUtcNow().ToUnixTimeMilliseconds() - oldest.CreatedUnixMs) / 1000.0);
            return new OutboxStats(_index.Count, _diskBytes, age, _index.InFlight, _counters.Appended, _counters.Acknowledged,
                _counters.QuarantinedSegments, _counters.Dropped(), _failing is null, _lastError);
        }
    }

    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        _appends.Writer.TryComplete();
        if (_writer is not null)
        {
            await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        lock (_gate)
        {
            TryPersistSequence();
            foreach (var segment in _segments.Values)
            {
                segment.Dispose();
            }

            _segments.Clear();
            _active = null;
        }
    }

    public async ValueTask DisposeAsync() => await CloseAsync().ConfigureAwait(false);

    private int Finish(IReadOnlyList<long> sequences, DropReason? dropped)
    {
        var known = 0;
        lock (_gate)
        {
            foreach (var sequence in sequences)
            {
                var entry = _index.Remove(sequence);
                if (entry is null)
                {
                    continue;
                }

                known++;

                if (dropped is { } reason)
                {
                    _counters.AddDropped(reason, 1);
                }
                else
                {
                    _counters.AddAcknowledged(1);
                }

                Forget(entry);
            }
        }

        _ready.Set();
        return known;
    }

    // Caller holds _gate. The entry left the index: note it in its segment, and delete the segment once it is empty.
    private void Forget(OutboxEntry entry)
    {
        var segment = entry.Segment!;
        segment.Live--;
        if (segment.Live > 0 || segment == _active)
        {
            try
            {
                segment.MarkDone(entry.Sequence);
            }
            catch (Exception ex) when (DropClassifier.IsIoFailure(ex))
            {
                // Without the note the batch is only sent once more after a restart; the fleet's write is idempotent.
            }

            return;
        }

        DeleteSegment(segment);
    }

    // Caller holds _gate.
    private void DeleteSegment(SegmentFile segment)
    {
        _segments.Remove(segment.FirstSequence);
        _diskBytes -= segment.Length;
        if (segment == _active)
        {
            _active = null;
        }

        // The segment names carry the sequence forward; when the last one goes, the sequence file must hold it.
        if (_segments.Count == 0)
        {
            TryPersistSequence();
        }

        try
        {
            segment.Delete();
        }
        catch (Exception ex) when (DropClassifier.IsIoFailure(ex))
        {
            _logger.HousekeepingFailed(segment.LogPath, ex.Message);
        }
    }

    // Caller holds _gate.
    private void TryPersistSequence()
    {
        try
        {
            _sequenceStore.Write(Interlocked.Read(ref _nextSequence));
        }
        catch (Exception ex) when (DropClassifier.IsIoFailure(ex))
        {
            _logger.HousekeepingFailed(Path.Combine(_directory, "sequence"), ex.Message);
        }
    }

    // Caller holds _gate. Age bound: whatever is older than MaxAge leaves, counted as expired.
    private void ExpireOld()
    {
        var oldest = _index.Oldest;
        var cutoff = _time.GetUtcNow().ToUnixTimeMilliseconds() - (long)_options.MaxAge.TotalMilliseconds;
        if (oldest is null || oldest.CreatedUnixMs >= cutoff)
        {
            return;
        }

        var expired = _index.CreatedBefore(cutoff);
        foreach (var entry in expired)
        {
            _index.Remove(entry.Sequence);
            Forget(entry);
        }

        _counters.AddDropped(DropReason.Expired, expired.Count);
        _logger.Dropped(DropReason.Expired, expired.Count);
    }

    private sealed class PendingAppend(OutboxAppend append)
    {
        public OutboxAppend Append { get; } = append;

        public TaskCompletionSource<AppendResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
