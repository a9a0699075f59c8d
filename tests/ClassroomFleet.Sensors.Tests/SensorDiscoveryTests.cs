namespace ClassroomFleet.Sensors.Tests;

public sealed class SensorDiscoveryTests : IDisposable
{
    private readonly FakeSysfsTree _sys = new();

    public void Dispose() => _sys.Dispose();

    [Fact]
    public async Task Finds_Iio_Devices_And_Ds18b20s_But_Not_Hwmon_Or_Other_W1_Families()
    {
        _sys.Iio("iio:device0", "bme280", ("in_temp_input", "20000"))
            .Iio("iio:device1", "bme280", ("in_temp_input", "21000"))
            .Hwmon("hwmon0", "cpu_thermal", ("temp1_input", "60000"))
            .W1Slave("28-000000000001", "x")
            .File("sys/bus/w1/devices/w1_bus_master1/name", "w1_bus_master1")
            .File("sys/bus/w1/devices/10-000000000002/name", "ds18s20");

        var found = await SensorDiscovery.DiscoverAsync(_sys.Root);

        Assert.Equal(["bme280", "iio:device1", "28-000000000001"], found.Readers.Select(r => r.Id));
        Assert.Empty(found.Faults);
        var second = await found.Readers[1].ReadAsync();
        Assert.Equal(21.0, second.Sample!.TemperatureC);
    }

    [Fact]
    public async Task Only_Iio_Devices_With_A_Temperature_Humidity_Or_Pressure_Channel_Are_Sensors()
    {
        // The SoC's ADC and an accelerometer are IIO devices too; they must not become permanently "missing" sensors.
        _sys.Iio("iio:device0", "rockchip-saradc", ("in_voltage0_raw", "512"), ("in_voltage1_raw", "1023"), ("in_voltage_scale", "1.757812500"))
            .Iio("iio:device1", "mpu6050", ("in_accel_x_raw", "-12"), ("in_accel_scale", "0.000598"))
            .Iio("iio:device2", "bmp280", ("in_pressure_input", "100.3"))
            .Iio("iio:device3", "tmp117", ("in_temp0_raw", "2300"), ("in_temp_scale", "10"))
            .Iio("iio:device4", "si7020", ("in_humidityrelative_raw", "30000"), ("in_humidityrelative_scale", "1.9"));

        var found = await SensorDiscovery.DiscoverAsync(_sys.Root);

        Assert.Equal(["bmp280", "tmp117", "si7020"], found.Readers.Select(r => r.Id));
        foreach (var reader in found.Readers)
        {
            var result = await reader.ReadAsync();
            Assert.True(result.IsSuccess, result.Fault?.ToString());
        }
    }

    [Fact]
    public async Task A_Device_Whose_Name_Cannot_Be_Read_Is_A_Fault_And_The_Others_Are_Still_Found()
    {
        Directory.CreateDirectory(_sys.Root.Resolve("sys/bus/iio/devices/iio:device0/name"));
        _sys.Iio("iio:device1", "bme280", ("in_temp_input", "20000"))
            .W1Slave("28-000000000001", "x");

        var found = await SensorDiscovery.DiscoverAsync(_sys.Root);

        Assert.Equal(["bme280", "28-000000000001"], found.Readers.Select(r => r.Id));
        var fault = Assert.Single(found.Faults);
        Assert.Equal(SensorFaultKind.Unreadable, fault.Kind);
        Assert.EndsWith("iio:device0", fault.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_Tree_Finds_Nothing()
    {
        var found = await SensorDiscovery.DiscoverAsync(_sys.Root);

        Assert.Empty(found.Readers);
        Assert.Empty(found.Faults);
    }
}
