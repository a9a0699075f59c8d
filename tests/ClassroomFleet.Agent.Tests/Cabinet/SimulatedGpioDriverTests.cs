using ClassroomFleet.Agent.Cabinet;
using static ClassroomFleet.Agent.Tests.Cabinet.CabinetTestOptions;

namespace ClassroomFleet.Agent.Tests.Cabinet;

public sealed class SimulatedGpioDriverTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("cf-gpio-sim-");

    public void Dispose() => _root.Delete(recursive: true);

    [Fact]
    public void Inputs_Follow_Their_Line_Files_And_Relays_Keep_What_Was_Written()
    {
        var options = Create(_root.FullName);
        options.Models["gw1"].Driver = GpioDriverKind.Simulated;
        var lines = Directory.CreateDirectory(Path.Combine(_root.FullName, "gpio-sim", "chip0")).FullName;
        File.WriteAllText(Path.Combine(lines, "line" + Door), "0\n");
        File.WriteAllText(Path.Combine(lines, "line" + Mains), "0\n");

        using var gpio = CabinetGpio.Open(options, new LibgpiodDriverFactory(_root.FullName));

        Assert.Null(gpio.Error);
        var door = gpio.Inputs.Single(i => i.Role == PinRole.Door);
        var mains = gpio.Inputs.Single(i => i.Role == PinRole.Mains);
        Assert.False(door.ReadActive());
        Assert.True(mains.ReadActive());

        // Someone opens the simulated door; the next reading sees it.
        File.WriteAllText(Path.Combine(lines, "line" + Door), "1\n");
        Assert.True(door.ReadActive());
    }
}
