using System.Device.Gpio;
using ClassroomFleet.Agent.Cabinet;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Contracts;
using ClassroomFleet.Contracts.Messages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static ClassroomFleet.Agent.Tests.Cabinet.CabinetTestOptions;

namespace ClassroomFleet.Agent.Tests.Cabinet;

public sealed class CabinetMonitorTests : IDisposable
{
    private const string Ds18b20 = "28-0316a2799aff";
    private readonly string _sysfs = Directory.CreateTempSubdirectory("cf-cabinet-").FullName;
    private readonly FakeGpioDriver _driver = new();
    private readonly CabinetClock _clock = new();
    private readonly CapturingSink _sink = new();
    private readonly ListLogger<CabinetHardware> _hardwareLog = new();
    private readonly ListLogger<CabinetMonitor> _monitorLog = new();

    public void Dispose() => Directory.Delete(_sysfs, recursive: true);

    [Fact]
    public async Task Module_Off_Logs_One_Line_And_Touches_Nothing()
    {
        var options = Create(_sysfs);
        options.Enabled = false;
        var factory = new FakeGpioDriverFactory(_driver);
        using var monitor = Monitor(options, factory);

        await monitor.StartAsync(CancellationToken.None);
        await monitor.ExecuteTask!;

        Assert.Equal(0, _sink.Count);
        Assert.Equal(0, factory.Created);
        Assert.Single(_monitorLog.Entries);
        Assert.Contains("Cabinet module off", _monitorLog.Entries[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reports_Sensors_Inputs_And_Alerts_Periodically_And_At_Once_On_A_Door_Edge()
    {
        var options = Create(_sysfs);
        options.Sensors.Add(new CabinetSensorOptions { Id = "top", Type = CabinetSensorType.Iio, Device = "bme280" });
        options.Sensors.Add(new CabinetSensorOptions { Id = "intake", Type = CabinetSensorType.Ds18b20, Device = Ds18b20 });
        Write("sys/bus/iio/devices/iio:device0/name", "bme280\n");
        Write("sys/bus/iio/devices/iio:device0/in_temp_input", "41000\n");
        Write("sys/bus/iio/devices/iio:device0/in_humidityrelative_input", "50000\n");
        Write($"sys/bus/w1/devices/{Ds18b20}/w1_slave", "72 01 4b 46 7f ff 0e 10 57 : crc=ff NO\n72 01 4b 46 7f ff 0e 10 57 t=23125\n");
        _driver.SetInput(Mains, PinValue.Low);   // active low: mains present
        _driver.SetInput(Ups, PinValue.High);    // active low: not on battery
        using var monitor = Monitor(options, new FakeGpioDriverFactory(_driver));
        using var stop = new CancellationTokenSource();

        await monitor.StartAsync(stop.Token);
        var first = await _sink.NextAsync();

        Assert.Equal("cabinet", first.Device);
        Assert.Equal("cabinet", first.Kind);
        Assert.Null(first.Error);
        Assert.All(first.Points, p => Assert.Equal(Measurements.Cabinet, p.Measurement));
        var top = Tagged(first, "sensor", "top");
        Assert.Equal(41.0, top.Floats!["temperature_c"]);
        Assert.Equal(50.0, top.Floats["humidity_pct"]);
        Assert.Equal(1, top.Integers!["alert_over_temperature"]);
        Assert.Equal(0, top.Integers["alert_high_humidity"]);
        var intake = Tagged(first, "sensor", "intake");
        Assert.False(intake.Booleans!["ok"]);
        Assert.Equal("crc_failed", intake.Strings!["fault"]);
        Assert.False(Tagged(first, "input", "door").Booleans!["door_open"]);
        Assert.True(Tagged(first, "input", "mains").Booleans!["mains_ok"]);
        Assert.False(Tagged(first, "input", "ups").Booleans!["ups_on_battery"]);
        Assert.Equal(0, Tagged(first, "input", "mains").Integers!["alert_mains_lost"]);
        Assert.Equal(0, Tagged(first, "input", "ups").Integers!["alert_on_battery"]);
        var summary = Summary(first);
        Assert.Equal(1, summary.Integers!["sensor_faults"]);
        Assert.True(summary.Booleans!["gpio_ok"]);
        Assert.Equal(1, summary.Integers["alert_over_temperature"]);
        Assert.Equal(0, summary.Integers["alert_mains_lost"]);
        Assert.Equal(0, summary.Integers["alert_on_battery"]);
        Assert.Equal(0, summary.Integers["reading_failures"]);

        // The door opens: an inputs-only outcome at once, after the debounce time.
        await WaitForCallbacksAsync();
        _driver.SetInput(Door, PinValue.High);
        await _clock.WaitForTimersAsync(2);
        _clock.Advance(options.Debounce);
        var edge = await _sink.NextAsync();
        Assert.True(Tagged(edge, "input", "door").Booleans!["door_open"]);
        Assert.DoesNotContain(edge.Points, p => p.Tags.ContainsKey("sensor"));
        Assert.True(Summary(edge).Booleans!["door_open"]);

        // Cooling to 38 °C keeps the alert (hysteresis); 37 °C clears it. The door stays open past 10 minutes.
        Write("sys/bus/iio/devices/iio:device0/in_temp_input", "38000\n");
        var second = await NextPeriodicAsync(options.Interval);
        Assert.Equal(1, Tagged(second, "sensor", "top").Integers!["alert_over_temperature"]);
        Assert.Equal(0, Tagged(second, "input", "door").Integers!["alert_door_open_long"]);

        Write("sys/bus/iio/devices/iio:device0/in_temp_input", "37000\n");
        PollOutcome later = second;
        for (var i = 0; i < 20; i++)
        {
            later = await NextPeriodicAsync(options.Interval);
        }

        Assert.Equal(0, Tagged(later, "sensor", "top").Integers!["alert_over_temperature"]);
        Assert.Equal(1, Tagged(later, "input", "door").Integers!["alert_door_open_long"]);
        Assert.Equal(1, Summary(later).Integers!["alert_door_open_long"]);
        Assert.Equal(22, Summary(later).Integers!["sensor_faults"]);

        await stop.CancelAsync();
        await monitor.StopAsync(CancellationToken.None);
        Assert.Equal(0, _driver.CallbackCount(Door));
    }

    [Fact]
    public async Task Without_Working_Gpio_Sensors_Go_On_And_Every_Summary_Carries_The_One_Logged_Error()
    {
        var options = Create(_sysfs);
        Write("sys/class/hwmon/hwmon3/name", "lm75\n");
        Write("sys/class/hwmon/hwmon3/temp1_input", "29500\n");
        options.Sensors.Add(new CabinetSensorOptions { Id = "rack", Type = CabinetSensorType.Hwmon, Device = "lm75" });
        var factory = new FakeGpioDriverFactory(_driver, new PlatformNotSupportedException("Libgpiod driver not installed."));
        using var monitor = Monitor(options, factory);
        using var stop = new CancellationTokenSource();

        await monitor.StartAsync(stop.Token);
        var first = await _sink.NextAsync();
        var second = await NextPeriodicAsync(options.Interval);
        var third = await NextPeriodicAsync(options.Interval);

        foreach (var outcome in new[] { first, second, third })
        {
            Assert.Contains("not installed", outcome.Error, StringComparison.Ordinal);
            Assert.Equal(29.5, Tagged(outcome, "sensor", "rack").Floats!["temperature_c"]);
            Assert.False(Summary(outcome).Booleans!["gpio_ok"]);
            Assert.Equal(outcome.Error, Summary(outcome).Strings!["error"]);
            Assert.DoesNotContain(outcome.Points, p => p.Tags.ContainsKey("input"));
        }

        Assert.Single(_hardwareLog.Entries, e => e.Level == LogLevel.Error);
        await stop.CancelAsync();
        await monitor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Unplugged_Sensor_Is_Reported_Missing_And_The_Module_Goes_On()
    {
        var options = Create(_sysfs);
        options.Driver = GpioDriverKind.None;
        Write("sys/bus/iio/devices/iio:device0/name", "sht3x\n");
        Write("sys/bus/iio/devices/iio:device0/in_temp_input", "25000\n");
        using var monitor = Monitor(options, new FakeGpioDriverFactory(_driver));
        using var stop = new CancellationTokenSource();

        await monitor.StartAsync(stop.Token);
        var first = await _sink.NextAsync();
        Directory.Delete(Path.Combine(_sysfs, "sys/bus/iio/devices/iio:device0"), recursive: true);
        var second = await NextPeriodicAsync(options.Interval);

        Assert.Equal(25.0, Tagged(first, "sensor", "sht3x").Floats!["temperature_c"]);
        Assert.Equal("missing", Tagged(second, "sensor", "sht3x").Strings!["fault"]);
        Assert.Null(second.Error);
        Assert.False(Summary(second).Booleans!.ContainsKey("gpio_ok"));

        // No mains or UPS input at all: the alert fields are there, clear, for Grafana's rules to evaluate.
        Assert.Equal(0, Summary(second).Integers!["alert_mains_lost"]);
        Assert.Equal(0, Summary(second).Integers!["alert_on_battery"]);
        await stop.CancelAsync();
        await monitor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Mains_Lost_And_On_Battery_Are_Raised_After_Their_Hold_And_Mains_Clears_When_It_Returns()
    {
        var options = Create(_sysfs);
        options.Alerts.MainsLostHold = TimeSpan.FromMinutes(1);
        options.Alerts.OnBatteryHold = TimeSpan.FromMinutes(2);
        _driver.SetInput(Mains, PinValue.High);  // active low: no mains
        _driver.SetInput(Ups, PinValue.Low);     // active low: on battery
        using var monitor = Monitor(options, new FakeGpioDriverFactory(_driver));
        using var stop = new CancellationTokenSource();

        await monitor.StartAsync(stop.Token);
        var readings = new List<PollOutcome> { await _sink.NextAsync() };
        for (var i = 0; i < 4; i++)
        {
            readings.Add(await NextPeriodicAsync(options.Interval));   // 30 s, 60 s, 90 s, 120 s
        }

        Assert.Equal([0L, 0, 1, 1, 1], readings.Select(r => Summary(r).Integers!["alert_mains_lost"]));
        Assert.Equal([0L, 0, 0, 0, 1], readings.Select(r => Summary(r).Integers!["alert_on_battery"]));
        Assert.Equal(1, Tagged(readings[2], "input", "mains").Integers!["alert_mains_lost"]);
        Assert.Equal(1, Tagged(readings[4], "input", "ups").Integers!["alert_on_battery"]);
        Assert.False(Summary(readings[4]).Booleans!["mains_ok"]);

        // Mains returns: the input-change reading clears its alert at once; the UPS still reports on battery.
        await WaitForCallbacksAsync();
        _driver.SetInput(Mains, PinValue.Low);
        await _clock.WaitForTimersAsync(2);
        _clock.Advance(options.Debounce);
        var back = await _sink.NextAsync();
        Assert.Equal(0, Summary(back).Integers!["alert_mains_lost"]);
        Assert.Equal(0, Tagged(back, "input", "mains").Integers!["alert_mains_lost"]);
        Assert.Equal(1, Summary(back).Integers!["alert_on_battery"]);

        await stop.CancelAsync();
        await monitor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_Sensor_Lookup_That_Throws_Is_A_Fault_And_The_Monitor_Goes_On()
    {
        // While the configured sensor is looked up, another device's name cannot be read (a folder stands in for EIO).
        var options = Create(_sysfs);
        options.Driver = GpioDriverKind.None;
        options.Sensors.Add(new CabinetSensorOptions { Id = "top", Type = CabinetSensorType.Iio, Device = "bme280" });
        Directory.CreateDirectory(Path.Combine(_sysfs, "sys/bus/iio/devices/iio:device0/name"));
        Write("sys/bus/iio/devices/iio:device1/name", "bme280\n");
        Write("sys/bus/iio/devices/iio:device1/in_temp_input", "25000\n");
        using var monitor = Monitor(options, new FakeGpioDriverFactory(_driver));
        using var stop = new CancellationTokenSource();

        await monitor.StartAsync(stop.Token);
        var first = await _sink.NextAsync();
        Directory.Delete(Path.Combine(_sysfs, "sys/bus/iio/devices/iio:device0"), recursive: true);
        var second = await NextPeriodicAsync(options.Interval);

        Assert.Equal("unreadable", Tagged(first, "sensor", "top").Strings!["fault"]);
        Assert.Equal(25.0, Tagged(second, "sensor", "top").Floats!["temperature_c"]);
        Assert.False(monitor.ExecuteTask!.IsCompleted);
        await stop.CancelAsync();
        await monitor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_Reading_That_Throws_Is_Logged_And_Counted_And_The_Next_Reading_Comes_As_Usual()
    {
        var options = Create(_sysfs);
        options.Driver = GpioDriverKind.None;
        Write("sys/class/hwmon/hwmon3/name", "lm75\n");
        Write("sys/class/hwmon/hwmon3/temp1_input", "29500\n");
        options.Sensors.Add(new CabinetSensorOptions { Id = "rack", Type = CabinetSensorType.Hwmon, Device = "lm75" });
        _sink.FailNext = new InvalidOperationException("the sink broke");
        using var monitor = Monitor(options, new FakeGpioDriverFactory(_driver));
        using var stop = new CancellationTokenSource();

        await monitor.StartAsync(stop.Token);
        var next = await NextPeriodicAsync(options.Interval);

        Assert.Equal(29.5, Tagged(next, "sensor", "rack").Floats!["temperature_c"]);
        Assert.Equal(1, Summary(next).Integers!["reading_failures"]);
        var logged = Assert.Single(_monitorLog.Entries, e => e.EventId == 1405);
        Assert.Equal(LogLevel.Error, logged.Level);
        Assert.False(monitor.ExecuteTask!.IsCompleted);
        await stop.CancelAsync();
        await monitor.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Auto_Discovery_Leaves_Out_The_SoC_Adc()
    {
        var options = Create(_sysfs);
        options.Driver = GpioDriverKind.None;
        Write("sys/bus/iio/devices/iio:device0/name", "rockchip-saradc\n");
        Write("sys/bus/iio/devices/iio:device0/in_voltage0_raw", "512\n");
        Write("sys/bus/iio/devices/iio:device1/name", "bme280\n");
        Write("sys/bus/iio/devices/iio:device1/in_temp_input", "24000\n");
        using var monitor = Monitor(options, new FakeGpioDriverFactory(_driver));
        using var stop = new CancellationTokenSource();

        await monitor.StartAsync(stop.Token);
        var first = await _sink.NextAsync();
        var second = await NextPeriodicAsync(options.Interval);

        foreach (var outcome in new[] { first, second })
        {
            var sensor = Assert.Single(outcome.Points, p => p.Tags.ContainsKey("sensor"));
            Assert.Equal("bme280", sensor.Tags["sensor"]);
            Assert.Equal(0, Summary(outcome).Integers!["sensor_faults"]);
        }

        await stop.CancelAsync();
        await monitor.StopAsync(CancellationToken.None);
    }

    private CabinetMonitor Monitor(CabinetOptions options, FakeGpioDriverFactory factory)
    {
        var wrapped = Options.Create(options);
        var hardware = new CabinetHardware(wrapped, factory, _hardwareLog);
        var sensors = new CabinetSensors(wrapped, new ListLogger<CabinetSensors>());
        return new CabinetMonitor(wrapped, hardware, sensors, _sink, _clock, _monitorLog);
    }

    private async Task<PollOutcome> NextPeriodicAsync(TimeSpan interval)
    {
        await _clock.WaitForTimersAsync();
        _clock.Advance(interval);
        return await _sink.NextAsync();
    }

    private async Task WaitForCallbacksAsync()
    {
        for (var i = 0; i < 5000 && (_driver.CallbackCount(Door) == 0 || _driver.CallbackCount(Mains) == 0 || _driver.CallbackCount(Ups) == 0); i++)
        {
            await Task.Delay(1);
        }

        Assert.Equal(1, _driver.CallbackCount(Door));
    }

    private void Write(string sysPath, string content)
    {
        var path = Path.Combine(_sysfs, sysPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    private static TelemetryPoint Tagged(PollOutcome outcome, string tag, string value) =>
        Assert.Single(outcome.Points, p => p.Tags.TryGetValue(tag, out var v) && v == value);

    private static TelemetryPoint Summary(PollOutcome outcome) => Assert.Single(outcome.Points, p => p.Tags.Count == 0);
}
