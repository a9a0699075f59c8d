using System.Device.Gpio;
using ClassroomFleet.Agent.Cabinet;

namespace ClassroomFleet.Agent.Tests.Cabinet;

/// <summary>Hands out one <see cref="FakeGpioDriver"/>, or throws what a real driver would.</summary>
public sealed class FakeGpioDriverFactory(FakeGpioDriver driver, Exception? failure = null) : IGpioDriverFactory
{
    public int Created { get; private set; }

    public GpioDriver Create(GpioDriverKind kind, int chip)
    {
        Created++;
        return failure is null ? driver : throw failure;
    }
}
