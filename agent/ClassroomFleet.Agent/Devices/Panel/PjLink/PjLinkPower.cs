namespace ClassroomFleet.Agent.Devices.Panel.PjLink;

/// <summary>POWR values (class 1 §4.1).</summary>
public enum PjLinkPower
{
    Off = 0,
    On = 1,
    Cooling = 2,
    WarmUp = 3,
}
