using System.Text;
using System.Threading.Channels;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Influx.LineProtocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Influx.Writing;

/// <summary>
/// Writes submitted lines to InfluxDB in batches and reports, per submission, when all of its lines are stored or
/// quarantined, so that the caller acknowledges its source only then.
/// <list type="bullet">
/// <item>Bounded: <see cref="EnqueueAsync"/> waits while <see cref="InfluxBatchWriterOptions.QueueCapacity"/> submissions are queued.</item>
/// <item>Batches by lines, bytes and time (<see cref="InfluxBatchWriterOptions.FlushInterval"/>); a submission is never split.</item>
/// <item>Retryable failures (5xx, 429, timeout, network) are retried with capped exponential backoff and jitter, or after
/// the server's Retry-After. So are refusals of the request itself (401, 403, 404 database not found): no line is at
/// fault, and an operator can fix them, so the lines are held rather than discarded.</item>
/// <item>Rejections of lines (400, 422, 413) are narrowed down to the guilty lines, which go to the
/// <see cref="IQuarantineSink"/>; the rest of the batch is stored. See README.md for how influxd 1.6.7 answers.</item>
/// </list>
/// Resending a line is harmless when it carries a timestamp (InfluxDB keeps one point per series and time), which the
/// bisection relies on; lines without a timestamp would be stored twice.
/// </summary>
public sealed class InfluxBatchWriter : IAsyncDisposable
{
    private const string UnableToParse = "unable to parse '";

    private readonly InfluxClient _client;
    private readonly InfluxBatchWriterOptions _options;
    private readonly IQuarantineSink _quarantine;
    private readonly IDeliveryListener _listener;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Channel<Submission> _queue;
    private readonly CancellationTokenSource _abort = new();
    private readonly Lock _flushLock = new();
    private readonly Task _loop;
    private Submission? _carried;
    private CancellationTokenSource? _batchWait;
    private long _flushRequests;
    private int _disposed;
    private long _submissions;
    private long _delivered;
    private long _stored;
    private long _quarantined;
    private long _requests;
    private long _retryable;
    private long _bisections;

    public InfluxBatchWriter(
        InfluxClient client,
        InfluxBatchWriterOptions options,
        IQuarantineSink quarantine,
        IDeliveryListener listener,
        ILogger<InfluxBatchWriter>? logger = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(quarantine);
        ArgumentNullException.ThrowIfNull(listener);
        var validation = new InfluxBatchWriterOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(nameof(InfluxBatchWriterOptions), typeof(InfluxBatchWriterOptions), validation.Failures);
        }

        _client = client;
        _options = options;
        _quarantine = quarantine;
        _listener = listener;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = time ?? TimeProvider.System;
        _queue = Channel.CreateBounded<Submission>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _loop = Task.Run(RunAsync);
    }

    [ActivatorUtilitiesConstructor]
    public InfluxBatchWriter(
        InfluxClient client,
        IOptions<InfluxBatchWriterOptions> options,
        IQuarantineSink quarantine,
        IDeliveryListener listener,
        ILogger<InfluxBatchWriter> logger)
        : this(client, options?.Value ?? throw new ArgumentNullException(nameof(options)), quarantine, listener, logger)
    {
    }

    public InfluxBatchWriterStats Stats => new(
        Interlocked.Read(ref _submissions),
        Interlocked.Read(ref _delivered),
        Interlocked.Read(ref _stored),
        Interlocked.Read(ref _quarantined),
        Interlocked.Read(ref _requests),
        Interlocked.Read(ref _retryable),
        Interlocked.Read(ref _bisections));

    /// <summary>
    /// Copies the complete lines of <paramref name="lines"/> (the buffer may be reused at once) and queues them, waiting
    /// while the queue is full. <paramref name="token"/> comes back in the <see cref="DeliveryReport"/> and with every
    /// quarantined line. An empty buffer is reported delivered at once.
    /// </summary>
    public async ValueTask EnqueueAsync(LineProtocolBuffer lines, object? token, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Interlocked.Increment(ref _submissions);
        if (lines.LineCount == 0)
        {
            await ReportAsync(new DeliveryReport(token, 0, 0), cancellationToken).ConfigureAwait(false);
            return;
        }

        var submission = Submission.CopyOf(lines, token);
        try
        {
            await _queue.Writer.WriteAsync(submission, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            submission.Release();
            Interlocked.Decrement(ref _submissions);
            throw;
        }
    }

    /// <summary>Sends what is queued now without waiting for the flush interval.</summary>
    public void Flush()
    {
        lock (_flushLock)
        {
            _flushRequests++;
            _batchWait?.Cancel();
        }
    }

    /// <summary>
    /// Stops accepting submissions and delivers everything queued. If <paramref name="cancellationToken"/> fires first,
    /// the remaining submissions are abandoned unreported (their sources were not acknowledged, so they will be resent).
    /// </summary>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        _queue.Writer.TryComplete();
        Flush();
        using (cancellationToken.Register(static state => ((CancellationTokenSource)state!).Cancel(), _abort))
        {
            await _loop.ConfigureAwait(false);
        }
    }

    /// <summary>Delivers what is queued, giving up after <see cref="InfluxClientOptions.Timeout"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(_client.Options.Timeout);
        await CompleteAsync(timeout.Token).ConfigureAwait(false);
        _abort.Dispose();
    }

    private async Task RunAsync()
    {
        var abort = _abort.Token;
        var writing = new List<Task>(_options.MaxConcurrentWrites);
        try
        {
            while (true)
            {
                if (writing.Count == _options.MaxConcurrentWrites)
                {
                    var done = await Task.WhenAny(writing).ConfigureAwait(false);
                    writing.Remove(done);
                    await done.ConfigureAwait(false);
                }

                var batch = await CollectBatchAsync(abort).ConfigureAwait(false);
                if (batch is null)
                {
                    await Task.WhenAll(writing).ConfigureAwait(false);
                    return;
                }

                writing.Add(DeliverAsync(batch, abort));
            }
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            await AbandonAsync(writing).ConfigureAwait(false);
        }
    }

    /// <summary>After an abort: lets the writes in flight end (each releases its batch), then releases what is left.</summary>
    private async Task AbandonAsync(List<Task> writing)
    {
        foreach (var write in writing)
        {
            try
            {
                await write.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        var left = 0;
        if (_carried is not null)
        {
            _carried.Release();
            _carried = null;
            left++;
        }

        while (_queue.Reader.TryRead(out var submission))
        {
            submission.Release();
            left++;
        }

        _logger.StoppedWithBacklog(left);
    }

    /// <summary>Waits for a first submission, then adds more until a limit is reached or the flush interval passes.</summary>
    private async Task<PendingBatch?> CollectBatchAsync(CancellationToken abort)
    {
        var first = _carried;
        _carried = null;
        if (first is null)
        {
            while (!_queue.Reader.TryRead(out first))
            {
                if (!await _queue.Reader.WaitToReadAsync(abort).ConfigureAwait(false))
                {
                    return null;
                }
            }
        }

        var batch = new PendingBatch();
        batch.Add(first);
        var deadline = _time.GetTimestamp() + (long)(_options.FlushInterval.TotalSeconds * _time.TimestampFrequency);
        long flushSeen;
        lock (_flushLock)
        {
            flushSeen = _flushRequests;
        }

        while (batch.LineCount < _options.MaxBatchLines && batch.Length < _options.MaxBatchBytes)
        {
            if (_queue.Reader.TryRead(out var next))
            {
                if (batch.LineCount + next.LineCount > _options.MaxBatchLines || batch.Length + next.Length > _options.MaxBatchBytes)
                {
                    _carried = next;
                    break;
                }

                batch.Add(next);
                continue;
            }

            var remaining = _time.GetElapsedTime(_time.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero || _queue.Reader.Completion.IsCompleted || !await WaitForMoreAsync(remaining, flushSeen, abort).ConfigureAwait(false))
            {
                break;
            }
        }

        return batch;
    }

    /// <summary>True when more may be read; false when the interval passed, a flush was asked for, or the queue completed.</summary>
    private async Task<bool> WaitForMoreAsync(TimeSpan remaining, long flushSeen, CancellationToken abort)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(abort);
        lock (_flushLock)
        {
            if (_flushRequests != flushSeen)
            {
                return false;
            }

            _batchWait = wait;
        }

        try
        {
            wait.CancelAfter(remaining);
            return await _queue.Reader.WaitToReadAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!abort.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            lock (_flushLock)
            {
                _batchWait = null;
            }
        }
    }

    private async Task DeliverAsync(PendingBatch batch, CancellationToken abort)
    {
        try
        {
            await WriteLinesAsync(batch, 0, batch.LineCount, abort).ConfigureAwait(false);
        }
        finally
        {
            foreach (var submission in batch.Submissions)
            {
                submission.Release();
            }

            batch.Dispose();
        }
    }

    /// <summary>Writes lines [first, end) until each is stored or quarantined.</summary>
    private async Task WriteLinesAsync(PendingBatch batch, int first, int end, CancellationToken abort)
    {
        var attempt = 0;
        while (true)
        {
            Interlocked.Increment(ref _requests);
            var result = await _client.WriteAsync(batch.Slice(first, end), abort).ConfigureAwait(false);
            if (result.IsSuccess)
            {
                await SettleStoredAsync(batch, first, end, skip: null, abort).ConfigureAwait(false);
                return;
            }

            if (result.IsRejectedForPoints)
            {
                await NarrowDownAsync(batch, first, end, result, abort).ConfigureAwait(false);
                return;
            }

            attempt++;
            Interlocked.Increment(ref _retryable);
            var delay = RetryDelay(attempt, result.RetryAfter);
            if (result.IsRetryable)
            {
                _logger.WriteRetrying(end - first, result.StatusCode, result.Error, attempt, (long)delay.TotalMilliseconds);
            }
            else
            {
                _logger.RequestRefused(result.StatusCode, result.Error, end - first, (long)delay.TotalMilliseconds);
            }

            await Task.Delay(delay, _time, abort).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// After a 400/413/422 for lines [first, end): a single line is quarantined. When the server named every bad line
    /// (influxd 1.x parse errors, with dropped=0) and stored the rest, those lines are quarantined and the others settled
    /// without resending. Otherwise (type conflicts, points outside retention, 2.x/3.x answers) the range is halved and
    /// each half written again, which finds k bad lines among n in about 2·k·log2(n) requests.
    /// </summary>
    private async Task NarrowDownAsync(PendingBatch batch, int first, int end, WriteResult result, CancellationToken abort)
    {
        if (end - first == 1)
        {
            await QuarantineAsync(batch, first, result.Error ?? "rejected", result.StatusCode, abort).ConfigureAwait(false);
            return;
        }

        if (result.StatusCode == 400 && ServerNamedEveryBadLine(batch, first, end, result) is { } named)
        {
            foreach (var (index, reason) in named)
            {
                await QuarantineAsync(batch, index, reason, result.StatusCode, abort).ConfigureAwait(false);
            }

            await SettleStoredAsync(batch, first, end, named, abort).ConfigureAwait(false);
            return;
        }

        Interlocked.Increment(ref _bisections);
        _logger.Bisecting(end - first, result.StatusCode);
        var middle = first + ((end - first) / 2);
        await WriteLinesAsync(batch, first, middle, abort).ConfigureAwait(false);
        await WriteLinesAsync(batch, middle, end, abort).ConfigureAwait(false);
    }

    /// <summary>The index and reason of every line the server could not parse, or null unless each is found exactly once.</summary>
    private static Dictionary<int, string>? ServerNamedEveryBadLine(PendingBatch batch, int first, int end, WriteResult result)
    {
        var details = result.Details;
        if (details is not { IsPartialWrite: true, Dropped: 0 } || details.UnparsableLines.Count == 0)
        {
            return null;
        }

        var error = result.Error ?? "";
        var mentions = CountOccurrences(error, UnableToParse);
        if (mentions != details.UnparsableLines.Count)
        {
            return null;
        }

        var byText = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in details.UnparsableLines)
        {
            if (!byText.TryAdd(line.Line, line.Reason))
            {
                return null;
            }
        }

        var named = new Dictionary<int, string>();
        for (var i = first; i < end; i++)
        {
            var text = Encoding.UTF8.GetString(batch.Line(i).Span);
            if (byText.TryGetValue(text, out var reason))
            {
                if (!named.TryAdd(i, $"unable to parse: {reason}") || named.Count > byText.Count)
                {
                    return null;
                }
            }
        }

        return named.Count == byText.Count ? named : null;
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private TimeSpan RetryDelay(int attempt, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked < _options.MaxRetryAfter ? asked : _options.MaxRetryAfter;
        }

        var cap = _options.MaxRetryDelay.TotalMilliseconds;
        var exponential = Math.Min(cap, _options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30)));
        // "Equal jitter": half fixed so that retries stay spaced, half random so that many writers do not retry in step.
#pragma warning disable CA5394 // Jitter needs no cryptographic randomness.
        var jittered = (exponential / 2) + (Random.Shared.NextDouble() * exponential / 2);
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(jittered);
    }

    private async Task SettleStoredAsync(PendingBatch batch, int first, int end, Dictionary<int, string>? skip, CancellationToken abort)
    {
        for (var i = first; i < end; i++)
        {
            if (skip is not null && skip.ContainsKey(i))
            {
                continue;
            }

            var owner = batch.Owner(i);
            owner.Stored++;
            Interlocked.Increment(ref _stored);
            await ReportIfSettledAsync(owner, abort).ConfigureAwait(false);
        }
    }

    private async Task QuarantineAsync(PendingBatch batch, int index, string reason, int? statusCode, CancellationToken abort)
    {
        var owner = batch.Owner(index);
        var line = new QuarantinedLine(batch.Line(index).ToArray(), reason, statusCode, owner.Token);
        _logger.LineQuarantined(statusCode, reason);
        try
        {
            await _quarantine.QuarantineAsync(line, abort).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failing sink must not hold the rest of the batch back; the loss is logged as an error.
            _logger.QuarantineSinkFailed(e, reason);
        }

        owner.Quarantined++;
        Interlocked.Increment(ref _quarantined);
        await ReportIfSettledAsync(owner, abort).ConfigureAwait(false);
    }

    private async Task ReportIfSettledAsync(Submission submission, CancellationToken abort)
    {
        if (submission.IsSettled)
        {
            await ReportAsync(new DeliveryReport(submission.Token, submission.Stored, submission.Quarantined), abort).ConfigureAwait(false);
        }
    }

    private async Task ReportAsync(DeliveryReport report, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _delivered);
        try
        {
            await _listener.OnDeliveredAsync(report, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.DeliveryListenerFailed(e);
        }
    }
}
