namespace ClassroomFleet.Agent.Devices.Panel.PjLink;

/// <summary>What one poll learnt from a PJLink device; null where the device does not have it (ERRn or class 1).</summary>
public sealed record PjLinkStatus
{
    public int Class { get; init; } = 1;

    public PjLinkPower? Power { get; init; }

    public string? Input { get; init; }

    public PjLinkErrorStatus? Errors { get; init; }

    public IReadOnlyList<PjLinkLamp> Lamps { get; init; } = [];

    public long? FilterHours { get; init; }

    public string? Name { get; init; }

    public string? Manufacturer { get; init; }

    public string? Product { get; init; }

    public string? OtherInfo { get; init; }

    public string? SerialNumber { get; init; }

    public string? SoftwareVersion { get; init; }

    /// <summary>Commands the device answered with ERR3/ERR4 (ERR1, "not this device", is expected and not listed).</summary>
    public IReadOnlyList<string> FailedCommands { get; init; } = [];
}
