namespace ClassroomFleet.Sensors;

/// <summary>Counts failed reads by kind since start, for the agent's own telemetry. Thread-safe.</summary>
public sealed class SensorFaultCounter
{
    private readonly long[] _counts = new long[Enum.GetValues<SensorFaultKind>().Length];

    public long Total
    {
        get
        {
            long sum = 0;
            for (var i = 0; i < _counts.Length; i++)
            {
                sum += Interlocked.Read(ref _counts[i]);
            }

            return sum;
        }
    }

    public void Record(SensorFault fault) => Interlocked.Increment(ref _counts[(int)fault.Kind]);

    public long Count(SensorFaultKind kind) => Interlocked.Read(ref _counts[(int)kind]);
}
