using System.Device.Gpio;
using System.Globalization;
using ClassroomFleet.Agent.Cabinet;

namespace ClassroomFleet.Agent.Tests.Cabinet;

/// <summary>The same behaviour as the fake-driver tests, on a board: an output line wired to an input line.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "gpio-hardware")]
public sealed class GpioHardwareTests
{
    [GpioHardwareFact]
    public async Task Relay_Output_Is_Seen_On_The_Looped_Input_And_Edges_Arrive()
    {
        var chip = int.Parse(Environment.GetEnvironmentVariable("CF_GPIO_CHIP")!, CultureInfo.InvariantCulture);
        var loop = Environment.GetEnvironmentVariable("CF_GPIO_LOOP")!.Split(',');
        var (output, input) = (int.Parse(loop[0], CultureInfo.InvariantCulture), int.Parse(loop[1], CultureInfo.InvariantCulture));
        var kind = Environment.GetEnvironmentVariable("CF_GPIO_DRIVER") == "libgpiodv2" ? GpioDriverKind.LibgpiodV2 : GpioDriverKind.Libgpiod;
        var options = new CabinetOptions { Enabled = true, Driver = kind, Chip = chip, Model = "board" };
        var model = new CabinetModelOptions();
        model.Pins["loop-in"] = new CabinetPinOptions { Role = PinRole.Door, Line = input, Pull = PinPull.Down };
        model.Pins["loop-out"] = new CabinetPinOptions { Role = PinRole.Relay, Line = output, Device = "loop", Contact = RelayContact.NormallyOpen };
        options.Models["board"] = model;

        using var gpio = CabinetGpio.Open(options, new LibgpiodDriverFactory());
        Assert.Null(gpio.Error);
        var door = gpio.Inputs.Single();
        var relay = gpio.Relays.Single();
        Assert.True(door.ReadActive());   // NO contact: powered = energised = high

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var edges = InputEdges.WatchAsync(door, TimeSpan.FromMilliseconds(10), TimeProvider.System, stop.Token).GetAsyncEnumerator();
        var next = edges.MoveNextAsync().AsTask();
        await Task.Delay(100);
        relay.CutPower();

        Assert.True(await next);
        Assert.False(edges.Current.Active);
        Assert.Equal(PinValue.Low, relay.PowerOffLevel);
    }
}
