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

        var readers = await SensorDiscovery.DiscoverAsync(_sys.Root);

        Assert.Equal(["bme280", "iio:device1", "28-000000000001"], readers.Select(r => r.Id));
        var second = await readers[1].ReadAsync();
        Assert.Equal(21.0, second.Sample!.TemperatureC);
    }

    [Fact]
    public async Task Empty_Tree_Finds_Nothing()
    {
        Assert.Empty(await SensorDiscovery.DiscoverAsync(_sys.Root));
    }
}
