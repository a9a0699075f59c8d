namespace ClassroomFleet.Agent.Polling;

/// <summary>Timestamps for points: nanoseconds since the Unix epoch, as InfluxDB stores them.</summary>
public static class UnixNanos
{
    public static long From(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
}
