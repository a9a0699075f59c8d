namespace ClassroomFleet.Agent.Devices.Panel.PjLink;

/// <summary>The error replies of PJLink (class 1 §4; class 2 adds none for queries).</summary>
public enum PjLinkError
{
    None = 0,

    /// <summary>ERR1: undefined command (the device does not have it, e.g. LAMP on a flat panel).</summary>
    UndefinedCommand = 1,

    /// <summary>ERR2: out of parameter.</summary>
    OutOfParameter = 2,

    /// <summary>ERR3: unavailable time (e.g. during warm-up or standby).</summary>
    UnavailableTime = 3,

    /// <summary>ERR4: projector/display failure.</summary>
    DeviceFailure = 4,
}
