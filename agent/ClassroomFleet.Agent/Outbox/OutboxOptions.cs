namespace ClassroomFleet.Agent.Outbox;

/// <summary>
/// The durable outbox (section <c>Outbox</c>; policy in docs/outbox.md):
/// <code>
/// "Outbox": {
///   "MaxBytes": 268435456,         // on-disk size bound; beyond it the OLDEST segment is dropped (dropped_overflow)
///   "MaxAge": "7.00:00:00",        // older records are dropped (dropped_expired)
///   "SegmentBytes": 1048576,       // a segment is closed and a new one opened past this size
///   "CommitMaxRecords": 512,       // the most appends one group commit (one fsync) covers
///   "MaxInFlight": 256,            // batches published and not yet acknowledged by the fleet
///   "AckTimeout": "00:00:30"       // a batch not acknowledged within this is published again
/// }
/// </code>
/// The folder is <c>Agent:StateDirectory</c>/outbox.
/// </summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";
    public const long DefaultMaxBytes = 256L * 1024 * 1024;
    public const int DefaultSegmentBytes = 1024 * 1024;

    public long MaxBytes { get; set; } = DefaultMaxBytes;

    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(7);

    public int SegmentBytes { get; set; } = DefaultSegmentBytes;

    public int CommitMaxRecords { get; set; } = 512;

    public int MaxInFlight { get; set; } = 256;

    public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
