namespace ClassroomFleet.Agent.Tests.Outbox;

/// <summary>A clock the test moves by hand: wall time and the monotonic timestamp advance together.</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private long _ticks;

    public ManualTime()
        : this(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => start + TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
