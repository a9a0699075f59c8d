namespace ClassroomFleet.Sensors;

/// <summary>The outcome of one read: a sample, or the fault that prevented one. Exactly one of the two is set.</summary>
public sealed class SensorReadResult
{
    private SensorReadResult(SensorSample? sample, SensorFault? fault)
    {
        Sample = sample;
        Fault = fault;
    }

    public SensorSample? Sample { get; }

    public SensorFault? Fault { get; }

    public bool IsSuccess => Sample is not null;

    public static SensorReadResult Ok(SensorSample sample) => new(sample, null);

    public static SensorReadResult Failed(SensorFault fault) => new(null, fault);
}
