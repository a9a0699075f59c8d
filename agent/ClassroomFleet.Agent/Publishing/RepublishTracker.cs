using System.Collections.Concurrent;

namespace ClassroomFleet.Agent.Publishing;

/// <summary>
/// Remembers the batches this process published, so that one the outbox hands out again (the fleet did not acknowledge
/// it within <c>Outbox:AckTimeout</c>) is recognised and reported. Under MQTT 3.1.1 that is the only sign of a publish
/// the broker's ACL dropped: its PUBACK looked like any other (<see cref="Messaging.PublishResult.Unverified"/>).
/// Entries older than <c>forgetAfter</c> are forgotten, which bounds the memory; a batch republished later than that
/// is simply not reported.
/// </summary>
internal sealed class RepublishTracker(TimeProvider time, TimeSpan forgetAfter, PublishCounters counters)
{
    private readonly ConcurrentDictionary<long, (bool Unverified, long At)> _published = new();
    /// <summary>Null for a batch not published before; otherwise whether its last publish was unverified (counted).</summary>
    public bool? SeenBefore(long sequence)
    {
        if (!_published.TryGetValue(sequence, out var previous))
        {
            return null;
        }

        counters.AddRepublished(previous.Unverified);
        return previous.Unverified;
    }

    public void Published(long sequence, bool unverified) => _published[sequence] = (unverified, time.GetTimestamp());

    public void ForgetOld()
    {
        var now = time.GetTimestamp();
        foreach (var (sequence, entry) in _published)
        {
            if (time.GetElapsedTime(entry.At, now) > forgetAfter)
            {
                _published.TryRemove(sequence, out _);
            }
        }
    }
}
