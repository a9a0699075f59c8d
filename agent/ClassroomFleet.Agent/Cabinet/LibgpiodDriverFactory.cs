using System.Device.Gpio;
using System.Device.Gpio.Drivers;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>The character-device drivers over libgpiod 1.x or 2.x; never the deprecated sysfs GPIO interface.</summary>
public sealed class LibgpiodDriverFactory : IGpioDriverFactory
{
    public GpioDriver Create(GpioDriverKind kind, int chip) => kind switch
    {
        GpioDriverKind.Libgpiod => new LibGpiodDriver(chip),
        GpioDriverKind.LibgpiodV2 => new LibGpiodV2Driver(chip),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no GPIO driver for this kind"),
    };
}
