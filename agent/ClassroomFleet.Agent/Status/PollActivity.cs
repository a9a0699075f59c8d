using System.Collections.Concurrent;

namespace ClassroomFleet.Agent.Status;

/// <summary>When each device kind last polled successfully, for the status message and /metrics.</summary>
public sealed class PollActivity(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastSuccess = new(StringComparer.Ordinal);

    public void Record(string kind, bool success)
    {
        if (success)
        {
            _lastSuccess[kind] = time.GetUtcNow();
        }
    }

    public IReadOnlyDictionary<string, DateTimeOffset> LastSuccess() => new SortedDictionary<string, DateTimeOffset>(_lastSuccess, StringComparer.Ordinal);
}
