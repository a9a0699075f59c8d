namespace ClassroomFleet.Agent.Devices.Uplink;

/// <summary>Bytes moved by one probe direction and how long it took.</summary>
public readonly record struct TransferResult(long Bytes, TimeSpan Elapsed)
{
    public double BitsPerSecond => Elapsed > TimeSpan.Zero ? Bytes * 8d / Elapsed.TotalSeconds : 0;
}
