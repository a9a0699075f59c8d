using ClassroomFleet.Agent.Polling;

namespace ClassroomFleet.Agent.Publishing;

/// <summary>Where poll outcomes go: waits (back-pressure) when the sink is full rather than dropping.</summary>
public interface ITelemetrySink
{
    ValueTask EnqueueAsync(PollOutcome outcome, CancellationToken cancellationToken = default);
}
