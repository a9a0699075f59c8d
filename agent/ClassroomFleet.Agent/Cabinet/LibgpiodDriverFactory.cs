using System.Device.Gpio;
using System.Device.Gpio.Drivers;
using System.Globalization;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>
/// The character-device drivers over libgpiod 1.x or 2.x (never the deprecated sysfs GPIO interface), and the
/// simulated chip under <paramref name="sysfsRoot"/> for demos.
/// </summary>
public sealed class LibgpiodDriverFactory(string sysfsRoot = "/") : IGpioDriverFactory
{
    public GpioDriver Create(GpioDriverKind kind, int chip) => kind switch
    {
        GpioDriverKind.Libgpiod => new LibGpiodDriver(chip),
        GpioDriverKind.LibgpiodV2 => new LibGpiodV2Driver(chip),
        GpioDriverKind.Simulated => new SimulatedGpioDriver(Path.Combine(sysfsRoot, "gpio-sim", "chip" + chip.ToString(CultureInfo.InvariantCulture))),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no GPIO driver for this kind"),
    };
}
