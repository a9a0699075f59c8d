namespace ClassroomFleet.Agent.Outbox;

/// <summary>
/// Store-and-forward between polling and publishing. A batch is appended (and, for the file outbox, fsynced) before it
/// counts as collected; the publisher takes ready batches in sequence order, so per device in poll order; a batch leaves
/// only when the fleet acknowledges it as stored or rejected, or by the drop policy, which counts it by reason.
/// A taken batch that is not acknowledged within <see cref="OutboxOptions.AckTimeout"/> becomes ready again.
/// </summary>
public interface IOutbox
{
    /// <summary>Recovers what the previous run left. Never throws for I/O errors: the outbox then drops and counts.</summary>
    Task OpenAsync(CancellationToken cancellationToken = default);

    /// <summary>Completes when the batch is durable (or dropped, with the reason). Sequence numbers only grow, across restarts too.</summary>
    ValueTask<AppendResult> AppendAsync(OutboxAppend append, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> ready batches in sequence order, now marked in flight (bounded by MaxInFlight).</summary>
    ValueTask<IReadOnlyList<OutboxRecord>> TakeReadyAsync(int max, CancellationToken cancellationToken = default);

    /// <summary>Completes when a batch may be ready: a new append, an acknowledgement freeing the window, or an ack timeout.</summary>
    Task WaitReadyAsync(TimeSpan limit, CancellationToken cancellationToken = default);

    /// <summary>The fleet stored these: they leave the outbox. Returns how many it held; unknown sequences (already gone) change nothing.</summary>
    int Acknowledge(IReadOnlyList<long> stored);

    /// <summary>The fleet will never store these: they leave the outbox, counted as <see cref="DropReason.Rejected"/>. Returns how many it held.</summary>
    int Reject(IReadOnlyList<long> rejected);

    /// <summary>The publisher could not hand this batch to the broker: it is ready again at once.</summary>
    void Release(long sequence);

    OutboxStats GetStats();

    /// <summary>Finishes pending appends and closes the files.</summary>
    Task CloseAsync(CancellationToken cancellationToken = default);
}
