namespace ClassroomFleet.Simulators.PjLink;

/// <summary>The emulated panel/projector, changed by PJLink set commands and by control lines on stdin.</summary>
public sealed class PjLinkDeviceState
{
    private readonly Lock _lock = new();

    public int Class { get; init; } = 2;

    public string? Password { get; set; }

    public int Power { get; set; }

    public string Input { get; set; } = "31";

    public string ErrorStatus { get; set; } = "000000";

    /// <summary>Null for a flat panel without a lamp (LAMP answers ERR1).</summary>
    public long? LampHours { get; set; } = 1234;

    public long FilterHours { get; set; } = 321;

    public string Name { get; set; } = "Classroom Panel 3-2";

    public string Manufacturer { get; set; } = "CF Sim";

    public string Product { get; set; } = "IFP-86 Simulated";

    public string Info { get; set; } = "simulator";

    public string Serial { get; set; } = "SIM0001234";

    public string SoftwareVersion { get; set; } = "2.3.1";

    /// <summary>Answer every query with a line that is not PJLink.</summary>
    public bool Garbage { get; set; }

    /// <summary>Answer with ERR3 (unavailable time) to every query but POWR.</summary>
    public bool Busy { get; set; }

    public T Read<T>(Func<PjLinkDeviceState, T> read)
    {
        lock (_lock)
        {
            return read(this);
        }
    }

    public void Change(Action<PjLinkDeviceState> change)
    {
        lock (_lock)
        {
            change(this);
        }
    }
}
