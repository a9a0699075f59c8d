namespace ClassroomFleet.Agent.Devices.Switch;

/// <summary>
/// One row of the switch's interface table as the poller reads it. <see cref="CounterBits"/> is 64 when the octets
/// come from ifHCInOctets/ifHCOutOctets and 32 when the switch lacks them and ifInOctets/ifOutOctets stood in.
/// </summary>
internal sealed record PortReading(
    int IfIndex,
    string Name,
    string? Alias,
    ulong InOctets,
    ulong OutOctets,
    int CounterBits,
    long SpeedMbps,
    bool OperUp,
    uint DiscontinuityTicks)
{
    public ulong? InErrors { get; init; }

    public ulong? OutErrors { get; init; }

    public ulong? InDiscards { get; init; }

    public ulong? OutDiscards { get; init; }
}
