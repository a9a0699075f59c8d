namespace ClassroomFleet.Agent.Cabinet;

/// <summary>Which System.Device.Gpio driver talks to the gateway's GPIO chip (<c>Cabinet:Driver</c>).</summary>
public enum GpioDriverKind
{
    /// <summary>No GPIO: sensors only, no door/mains inputs, no relays.</summary>
    None,

    /// <summary>libgpiod 1.x (<c>libgpiod.so.2</c>; Debian 12 package <c>libgpiod2</c>) over the GPIO character device.</summary>
    Libgpiod,

    /// <summary>libgpiod 2.x (<c>libgpiod.so.3</c>) over the GPIO character device (uAPI v2).</summary>
    LibgpiodV2,

    /// <summary>
    /// No hardware: lines read their level from files under <c>{SysfsRoot}/gpio-sim/chip{Chip}/line{N}</c> ("0"/"1"),
    /// for the demo county and bench setups. Never on a gateway.
    /// </summary>
    Simulated,
}
