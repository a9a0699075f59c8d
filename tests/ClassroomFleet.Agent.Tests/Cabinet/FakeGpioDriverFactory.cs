using System.Device.Gpio;
using ClassroomFleet.Agent.Cabinet;

namespace ClassroomFleet.Agent.Tests.Cabinet;

/// <summary>Hands out one <see cref="FakeGpioDriver"/>, or throws what a real driver would.</summary>
public sealed class FakeGpioDriverFactory(FakeGpioDriver driver, Exception? failure = null) : IGpioDriverFactory
{
    public int Created { get; private set; }

    /// <summary>The driver kind and chip of the last <see cref="Create"/>.</summary>
    public (GpioDriverKind Kind, int Chip)? Requested { get; private set; }

    public GpioDriver Create(GpioDriverKind kind, int chip)
    {
        Created++;
        Requested = (kind, chip);
        return failure is null ? driver : throw failure;
    }
}
