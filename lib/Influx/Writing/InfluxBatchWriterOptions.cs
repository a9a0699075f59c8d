namespace ClassroomFleet.Influx.Writing;

/// <summary>How <see cref="InfluxBatchWriter"/> groups, bounds and retries writes.</summary>
public sealed class InfluxBatchWriterOptions
{
    public const string SectionName = "Influx:Batching";

    /// <summary>Submissions waiting to be written; <see cref="InfluxBatchWriter.EnqueueAsync"/> waits when this many are queued.</summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>A batch is sent when it holds this many lines (a single larger submission is sent whole).</summary>
    public int MaxBatchLines { get; set; } = 5000;

    /// <summary>A batch is sent when it holds this many bytes (a single larger submission is sent whole).</summary>
    public int MaxBatchBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Batches written at the same time. With 2 the next batch is gathered and sent while InfluxDB still stores the one
    /// before, so the server is not idle between requests; each batch is retried and reported on its own.
    /// </summary>
    public int MaxConcurrentWrites { get; set; } = 2;

    /// <summary>A batch is sent at the latest this long after its first submission arrived.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The first wait after a retryable failure; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest Retry-After honoured; a server asking for more is retried after this.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(5);
}
