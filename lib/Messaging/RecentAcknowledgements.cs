namespace ClassroomFleet.Messaging;

/// <summary>
/// The newest QoS 1/2 messages the broker acknowledged, with the connection generation and the time of the
/// acknowledgement. A broker acknowledges before its persistence has the message (mosquitto 2.0 writes its database
/// after the PUBACK, at the end of its loop turn), so when the connection is lost the newest acknowledged messages may
/// have died with the broker; <see cref="TakeRecent"/> hands them back to be sent once more. QoS 1 allows the
/// duplicate, and every consumer here is idempotent.
/// </summary>
internal sealed class RecentAcknowledgements(int capacity, TimeSpan window, TimeProvider time)
{
    private readonly Entry[] _ring = new Entry[capacity];
    private readonly Lock _lock = new();
    private int _next;
    private int _count;
    private int _taken;

    private readonly record struct Entry(OutgoingMessage Message, int Generation, long AcknowledgedAt);

    /// <summary>
    /// Remembers an acknowledged message. False when the loss of its connection was already handled
    /// (<see cref="TakeRecent"/> ran for that generation before this acknowledgement was processed): the caller must then
    /// send it once more itself.
    /// </summary>
    public bool Add(OutgoingMessage message, int generation)
    {
        if (capacity == 0 || message.Qos == MessageQos.AtMostOnce)
        {
            return true;
        }

        lock (_lock)
        {
            if (generation <= _taken)
            {
                return false;
            }

            _ring[_next] = new Entry(message, generation, time.GetTimestamp());
            _next = (_next + 1) % capacity;
            _count = Math.Min(_count + 1, capacity);
            return true;
        }
    }

    /// <summary>
    /// Removes and returns, oldest first, the messages acknowledged on <paramref name="generation"/> within the window
    /// before now; forgets the rest.
    /// </summary>
    public List<OutgoingMessage> TakeRecent(int generation)
    {
        var recent = new List<OutgoingMessage>();
        lock (_lock)
        {
            _taken = Math.Max(_taken, generation);
            var now = time.GetTimestamp();
            for (var i = _count; i > 0; i--)
            {
                var entry = _ring[(_next - i + capacity) % capacity];
                if (entry.Generation == generation && time.GetElapsedTime(entry.AcknowledgedAt, now) <= window)
                {
                    recent.Add(entry.Message);
                }
            }

            Array.Clear(_ring);
            _next = 0;
            _count = 0;
        }

        return recent;
    }
}
