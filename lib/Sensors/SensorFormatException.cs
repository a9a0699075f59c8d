namespace ClassroomFleet.Sensors;

/// <summary>A sysfs value file whose content is not what the kernel ABI promises.</summary>
public sealed class SensorFormatException : Exception
{
    public SensorFormatException()
    {
    }

    public SensorFormatException(string message)
        : base(message)
    {
    }

    public SensorFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public SensorFormatException(SensorFaultKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    /// <summary>Malformed unless the parser knew better (a CRC failure, a power-on reset value).</summary>
    public SensorFaultKind Kind { get; } = SensorFaultKind.Malformed;
}
