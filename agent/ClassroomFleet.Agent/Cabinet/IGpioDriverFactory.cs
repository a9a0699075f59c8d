using System.Device.Gpio;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>Makes the System.Device.Gpio driver for a chip: libgpiod on a gateway, a fake in tests.</summary>
public interface IGpioDriverFactory
{
    /// <exception cref="Exception">Whatever the driver throws for a missing library or chip; <see cref="CabinetGpio"/> explains it.</exception>
    GpioDriver Create(GpioDriverKind kind, int chip);
}
