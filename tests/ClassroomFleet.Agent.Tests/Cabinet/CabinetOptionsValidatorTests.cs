using ClassroomFleet.Agent.Cabinet;
using static ClassroomFleet.Agent.Tests.Cabinet.CabinetTestOptions;

namespace ClassroomFleet.Agent.Tests.Cabinet;

public sealed class CabinetOptionsValidatorTests
{
    private static List<string> Failures(CabinetOptions options) =>
        new CabinetOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Sample_Model_Is_Valid() => Assert.Empty(Failures(Create()));

    [Fact]
    public void Module_Off_Is_Not_Checked()
    {
        var options = Create();
        options.Enabled = false;
        options.Interval = TimeSpan.Zero;

        Assert.Empty(Failures(options));
    }

    [Fact]
    public void Every_Error_Is_Reported_With_Its_Key()
    {
        var options = Create();
        options.Interval = TimeSpan.Zero;
        options.Alerts.OverTemperatureClearC = 45;
        options.Relays.MaxCyclesPerHour = 0;
        var pins = options.Models["gw1"].Pins;
        pins["mains"].Line = CabinetTestOptions.Door;
        pins["recorder-power"].Device = null;
        pins["door"].Device = "rec-1";
        options.Sensors.Add(new CabinetSensorOptions { Id = "t", Type = CabinetSensorType.Ds18b20, Device = "../etc" });

        var failures = Failures(options);

        Assert.Contains("Cabinet:Interval must be at least 1 second", failures);
        Assert.Contains("Cabinet:Alerts:OverTemperatureClearC must be below Cabinet:Alerts:OverTemperatureRaiseC", failures);
        Assert.Contains("Cabinet:Relays:MaxCyclesPerHour must be between 1 and 60", failures);
        Assert.Contains(failures, f => f.StartsWith("Cabinet:Models:gw1:Pins:mains:Line 17 is already used by pin door", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Cabinet:Models:gw1:Pins:recorder-power:Device is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Cabinet:Models:gw1:Pins:door: Device and Uplink apply to relays only", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Cabinet:Sensors:0:Device is required", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Cabinet:Sensors:0:Device must be a DS18B20 address", StringComparison.Ordinal));
    }

    [Fact]
    public void Negative_Mains_And_Battery_Holds_Are_Named()
    {
        var options = Create();
        options.Alerts.MainsLostHold = TimeSpan.FromSeconds(-1);
        options.Alerts.OnBatteryHold = TimeSpan.FromSeconds(-1);

        var failures = Failures(options);

        Assert.Contains("Cabinet:Alerts:MainsLostHold must not be negative", failures);
        Assert.Contains("Cabinet:Alerts:OnBatteryHold must not be negative", failures);
    }

    [Fact]
    public void Model_Without_A_Pin_Map_Is_Named()
    {
        var options = Create();
        options.Model = "rk3588-gw";

        Assert.Equal(["Cabinet:Models:rk3588-gw is missing: Cabinet:Model names a gateway model with no pin map"], Failures(options));
    }

    [Fact]
    public void Driver_None_Needs_No_Model()
    {
        var options = Create();
        options.Driver = GpioDriverKind.None;
        options.Model = null;

        Assert.Empty(Failures(options));
    }

    [Fact]
    public void A_Models_Own_Chip_Is_Checked_Under_Its_Key()
    {
        var options = Create();
        options.Models["gw1"].Chip = 300;

        Assert.Equal(["Cabinet:Models:gw1:Chip must be between 0 and 255"], Failures(options));
    }

    [Fact]
    public void A_Models_Own_Driver_Needs_Its_Pins_Checked_Even_When_The_Section_Says_None()
    {
        var options = Create();
        options.Driver = GpioDriverKind.None;
        options.Models["gw1"].Driver = GpioDriverKind.Libgpiod;
        options.Models["gw1"].Pins["mains"].Line = Door;

        Assert.Contains(Failures(options), f => f.StartsWith("Cabinet:Models:gw1:Pins:mains:Line 17 is already used by pin door", StringComparison.Ordinal));
    }
}
