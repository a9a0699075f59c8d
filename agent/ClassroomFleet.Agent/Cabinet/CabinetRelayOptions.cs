namespace ClassroomFleet.Agent.Cabinet;

/// <summary>The relay interlock (<c>Cabinet:Relays</c>).</summary>
public sealed class CabinetRelayOptions
{
    /// <summary>How long a power cycle keeps the device off. Power is never restored earlier, even if the caller cancels.</summary>
    public TimeSpan MinimumOffTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a device must have been back on before it may be cycled again (time to boot).</summary>
    public TimeSpan MinimumOnTime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>At most this many cycles of one device in any 60-minute window; force does not lift this.</summary>
    public int MaxCyclesPerHour { get; set; } = 3;
}
