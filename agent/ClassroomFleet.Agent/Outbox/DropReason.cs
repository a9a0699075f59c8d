namespace ClassroomFleet.Agent.Outbox;

/// <summary>Why a batch left the outbox without being stored by the fleet. Each has its own exact counter.</summary>
public enum DropReason
{
    /// <summary>The outbox reached <see cref="OutboxOptions.MaxBytes"/>: the oldest segment went.</summary>
    Overflow,

    /// <summary>Older than <see cref="OutboxOptions.MaxAge"/>.</summary>
    Expired,

    /// <summary>The disk was full (ENOSPC, EDQUOT) when the batch was to be written: never stored.</summary>
    DiskFull,

    /// <summary>The outbox folder was read-only or not writable (EROFS, EACCES): never stored.</summary>
    ReadOnly,

    /// <summary>Another I/O error when writing: never stored.</summary>
    IoError,

    /// <summary>Lost to a corrupt segment found at start (counted by the sequence gap it left).</summary>
    Corrupt,

    /// <summary>The fleet rejected it for good (reason in its acknowledgement).</summary>
    Rejected,

    /// <summary>
    /// Begun in a segment's tail that a crash or power loss cut short before the fsync (found at start): never confirmed
    /// as collected. Counted by the record markers visible in the tail, so a zero-filled tail counts none.
    /// </summary>
    TornTail,
}
