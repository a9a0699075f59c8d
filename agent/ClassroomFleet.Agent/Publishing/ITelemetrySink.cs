using ClassroomFleet.Agent.Polling;

namespace ClassroomFleet.Agent.Publishing;

/// <summary>
/// Where poll outcomes go. <see cref="EnqueueAsync"/> completes once the outcome is durable in the outbox (fsynced), or
/// once it was dropped and counted (disk full, read-only folder): what completed without a drop survives a crash.
/// It never throws for I/O errors, so polling goes on whatever the disk does.
/// </summary>
public interface ITelemetrySink
{
    ValueTask EnqueueAsync(PollOutcome outcome, CancellationToken cancellationToken = default);
}
