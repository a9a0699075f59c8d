namespace ClassroomFleet.Sensors;

/// <summary>A sensor read that failed: what kind of failure, on which file, and the detail for the log.</summary>
public sealed record SensorFault(string Sensor, SensorFaultKind Kind, string Path, string Detail)
{
    public override string ToString() => $"{Sensor}: {Kind} ({Path}): {Detail}";
}
