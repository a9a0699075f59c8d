using ClassroomFleet.Agent.Cabinet;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Tests.Cabinet;

/// <summary>A gateway model "gw1": door on line 17, mains on 27 (active low), UPS on 5 (active low), two relays.</summary>
internal static class CabinetTestOptions
{
    public const int Door = 17;
    public const int Mains = 27;
    public const int Ups = 5;
    public const int RecorderRelay = 22;
    public const int ModemRelay = 23;

    public static CabinetOptions Create(string sysfsRoot = "/nonexistent-sysfs")
    {
        var options = new CabinetOptions
        {
            Enabled = true,
            Driver = GpioDriverKind.Libgpiod,
            Chip = 0,
            Model = "gw1",
            SysfsRoot = sysfsRoot,
            Interval = TimeSpan.FromSeconds(30),
            Debounce = TimeSpan.FromMilliseconds(50),
        };
        var model = new CabinetModelOptions();
        model.Pins["door"] = new CabinetPinOptions { Role = PinRole.Door, Line = Door, Pull = PinPull.Up };
        model.Pins["mains"] = new CabinetPinOptions { Role = PinRole.Mains, Line = Mains, Pull = PinPull.Up, ActiveLow = true };
        model.Pins["ups"] = new CabinetPinOptions { Role = PinRole.UpsOnBattery, Line = Ups, Pull = PinPull.Up, ActiveLow = true };
        model.Pins["recorder-power"] = new CabinetPinOptions { Role = PinRole.Relay, Line = RecorderRelay, ActiveLow = true, Device = "rec-1" };
        model.Pins["modem-power"] = new CabinetPinOptions { Role = PinRole.Relay, Line = ModemRelay, Device = "modem", Uplink = true, Contact = RelayContact.NormallyOpen };
        options.Models["gw1"] = model;
        options.Relays.MinimumOffTime = TimeSpan.FromSeconds(10);
        options.Relays.MinimumOnTime = TimeSpan.FromMinutes(2);
        options.Relays.MaxCyclesPerHour = 3;
        return options;
    }

    public static CabinetHardware Hardware(CabinetOptions options, IGpioDriverFactory factory, ListLogger<CabinetHardware>? logger = null) =>
        new(Options.Create(options), factory, logger ?? new ListLogger<CabinetHardware>());
}
