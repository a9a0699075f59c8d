namespace ClassroomFleet.Sensors;

/// <summary>
/// Reads one sensor. A read never throws for what the hardware or the kernel does (missing device, garbage in a file,
/// CRC failure): it returns a <see cref="SensorFault"/>. Only cancellation throws.
/// </summary>
public interface ISensorReader
{
    /// <summary>The name the readings are reported under (the <c>sensor</c> tag).</summary>
    string Id { get; }

    SensorSource Source { get; }

    ValueTask<SensorReadResult> ReadAsync(CancellationToken cancellationToken = default);
}
