using System.Device.Gpio;
using ClassroomFleet.Agent.Cabinet;
using Microsoft.Extensions.Logging;
using static ClassroomFleet.Agent.Tests.Cabinet.CabinetTestOptions;

namespace ClassroomFleet.Agent.Tests.Cabinet;

public sealed class CabinetGpioTests
{
    [Fact]
    public void Opens_Inputs_With_Their_Bias_And_Relays_At_Power_On_Level()
    {
        var driver = new FakeGpioDriver();

        using var gpio = CabinetGpio.Open(Create(), new FakeGpioDriverFactory(driver));

        Assert.Null(gpio.Error);
        Assert.Equal(["door", "mains", "ups"], gpio.Inputs.Select(i => i.Name));
        Assert.Equal(PinMode.InputPullUp, driver.ModeOf(Door));
        Assert.Equal(PinMode.Output, driver.ModeOf(RecorderRelay));
        Assert.Equal(PinValue.High, driver.LevelOf(RecorderRelay));
        // The modem's supply runs through a normally-open contact of an active-high board: powered while energised.
        Assert.Equal(PinValue.High, driver.LevelOf(ModemRelay));
        Assert.Empty(driver.Writes);
    }

    [Fact]
    public void A_Model_Chooses_Its_Own_Driver_And_Chip()
    {
        var options = Create();
        options.Models["gw1"].Driver = GpioDriverKind.LibgpiodV2;
        options.Models["gw1"].Chip = 1;
        var factory = new FakeGpioDriverFactory(new FakeGpioDriver());

        using var gpio = CabinetGpio.Open(options, factory);

        Assert.Null(gpio.Error);
        Assert.Equal((GpioDriverKind.LibgpiodV2, 1), factory.Requested);
    }

    [Fact]
    public void A_Model_Without_Its_Own_Driver_Uses_The_Sections()
    {
        var factory = new FakeGpioDriverFactory(new FakeGpioDriver());

        using var gpio = CabinetGpio.Open(Create(), factory);

        Assert.Equal((GpioDriverKind.Libgpiod, 0), factory.Requested);
    }

    [Fact]
    public void A_Model_Can_Turn_Gpio_Off_For_Its_Board()
    {
        var options = Create();
        options.Models["gw1"].Driver = GpioDriverKind.None;
        var factory = new FakeGpioDriverFactory(new FakeGpioDriver());

        using var gpio = CabinetGpio.Open(options, factory);

        Assert.Equal(0, factory.Created);
        Assert.Empty(gpio.Inputs);
        Assert.Null(gpio.Error);
    }

    [Fact]
    public void Missing_Libgpiod_Is_One_Clear_Error()
    {
        var factory = new FakeGpioDriverFactory(new FakeGpioDriver(), new DllNotFoundException("Unable to load shared library 'libgpiod.so.2'"));

        using var gpio = CabinetGpio.Open(Create(), factory);

        Assert.Contains("libgpiod.so.2", gpio.Error, StringComparison.Ordinal);
        Assert.Contains("not installed", gpio.Error, StringComparison.Ordinal);
        Assert.Empty(gpio.Inputs);
        Assert.Empty(gpio.Relays);
    }

    [Fact]
    public void Missing_Chip_Names_The_Device_File()
    {
        var options = Create();
        options.Chip = 7;
        var factory = new FakeGpioDriverFactory(new FakeGpioDriver(), new IOException("No such file or directory"));

        using var gpio = CabinetGpio.Open(options, factory);

        Assert.Contains("/dev/gpiochip7 does not exist", gpio.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Busy_Line_Names_The_Pin_And_Line()
    {
        var driver = new FakeGpioDriver();
        driver.BusyLines.Add(Door);

        using var gpio = CabinetGpio.Open(Create(), new FakeGpioDriverFactory(driver));

        Assert.Contains("line 17 (pin door)", gpio.Error, StringComparison.Ordinal);
        Assert.Contains("busy", gpio.Error, StringComparison.Ordinal);
        Assert.Empty(gpio.Relays);
    }

    [Fact]
    public void Line_Beyond_The_Chip_Is_Reported_Missing()
    {
        using var gpio = CabinetGpio.Open(Create(), new FakeGpioDriverFactory(new FakeGpioDriver(lineCount: 20)));

        // Pins open in name order: "mains" (line 27) is the first beyond a 20-line chip.
        Assert.Contains("line 27 (pin mains) does not exist", gpio.Error, StringComparison.Ordinal);
        Assert.Contains("20 lines", gpio.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Driver_None_Opens_Nothing()
    {
        var options = Create();
        options.Driver = GpioDriverKind.None;
        var factory = new FakeGpioDriverFactory(new FakeGpioDriver());

        using var gpio = CabinetGpio.Open(options, factory);

        Assert.Null(gpio.Error);
        Assert.Empty(gpio.Inputs);
        Assert.Equal(0, factory.Created);
    }

    [Fact]
    public void Hardware_Logs_The_Error_Once_However_Often_It_Is_Asked()
    {
        var logger = new ListLogger<CabinetHardware>();
        using var hardware = Hardware(Create(), new FakeGpioDriverFactory(new FakeGpioDriver(), new IOException("gone")), logger);

        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull(hardware.Gpio.Error);
        }

        Assert.Single(logger.Entries, e => e.Level == LogLevel.Error && e.EventId == 1401);
    }

    [Fact]
    public void Real_Libgpiod_Driver_On_An_Absent_Chip_Gives_A_Clear_Error_Not_An_Exception()
    {
        // Chip 250 exists nowhere: whether or not libgpiod is installed, the real driver must fail and be explained.
        foreach (var kind in new[] { GpioDriverKind.Libgpiod, GpioDriverKind.LibgpiodV2 })
        {
            var options = Create();
            options.Driver = kind;
            options.Chip = 250;

            using var gpio = CabinetGpio.Open(options, new LibgpiodDriverFactory());

            Assert.NotNull(gpio.Error);
            Assert.True(
                gpio.Error.Contains("not installed", StringComparison.Ordinal) || gpio.Error.Contains("/dev/gpiochip250", StringComparison.Ordinal),
                gpio.Error);
        }
    }
}
