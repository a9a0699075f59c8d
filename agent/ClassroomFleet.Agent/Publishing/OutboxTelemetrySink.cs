using System.Text.Json;
using ClassroomFleet.Agent.Outbox;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.Status;

namespace ClassroomFleet.Agent.Publishing;

/// <summary>
/// The scheduler's entry point: records the poll for the status message, encodes the points once and appends them to
/// the outbox, which confirms after the fsync. A drop (disk full, read-only) is counted and logged by the outbox.
/// </summary>
public sealed class OutboxTelemetrySink(IOutbox outbox, PollActivity activity, TimeProvider time) : ITelemetrySink
{
    public async ValueTask EnqueueAsync(PollOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        activity.Record(outcome.Kind, outcome.Error is null);
        var points = JsonSerializer.SerializeToUtf8Bytes(outcome.Points, PointsJsonContext.Default.IReadOnlyListTelemetryPoint);
        var append = new OutboxAppend(outcome.Device, outcome.Kind, time.GetUtcNow().ToUnixTimeMilliseconds(), points);
        await outbox.AppendAsync(append, cancellationToken).ConfigureAwait(false);
    }
}
