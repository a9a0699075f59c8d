using System.Diagnostics;

namespace ClassroomFleet.Bench.Mqtt;

/// <summary>
/// Counts what a subscriber received and when the last message came, on the run's clock. Waiting ends when all
/// arrived, or, at QoS 0, when nothing more came for <see cref="Quiet"/> after the publisher was done: QoS 0 messages
/// may be dropped, and waiting for them would never end.
/// </summary>
internal sealed class DeliveryWatch(Stopwatch clock)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);
    private int _received;
    private long _lastTicks;

    public int Received => Volatile.Read(ref _received);

    public TimeSpan LastArrival => TimeSpan.FromTicks(Interlocked.Read(ref _lastTicks));

    public int Arrived()
    {
        Interlocked.Exchange(ref _lastTicks, clock.Elapsed.Ticks);
        return Interlocked.Increment(ref _received);
    }

    /// <summary>Call when the publisher is done; returns when the run is complete (or QoS 0 went quiet).</summary>
    public async Task<ThroughputRun> WaitAsync(int expected, int qos, TimeSpan published, Func<bool>? ended = null)
    {
        while (Received < expected && ended?.Invoke() != true)
        {
            var sinceLast = clock.Elapsed - (Received == 0 ? published : LastArrival);
            if (qos == 0 && sinceLast > Quiet)
            {
                break;
            }

            if (clock.Elapsed > published + Patience)
            {
                throw new TimeoutException($"only {Received} of {expected} QoS {qos} messages arrived within {Patience.TotalMinutes} minutes");
            }

            await Task.Delay(20);
        }

        return new ThroughputRun(published, Received == 0 ? clock.Elapsed : LastArrival, Received);
    }
}
