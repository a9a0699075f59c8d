using ClassroomFleet.Sensors.OneWire;

namespace ClassroomFleet.Sensors.Tests.OneWire;

public sealed class Ds18b20ReaderTests : IDisposable
{
    private const string Address = "28-0316a2799aff";
    private readonly FakeSysfsTree _sys = new();

    public void Dispose() => _sys.Dispose();

    [Fact]
    public async Task W1_Slave_Reading_Is_In_Celsius()
    {
        _sys.W1Slave(Address, "72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 57 t=23125\n");

        var result = await new Ds18b20Reader(_sys.Root, "rack-top", Address).ReadAsync();

        Assert.Equal(23.125, result.Sample!.TemperatureC);
        Assert.Equal("rack-top", result.Sample.Sensor);
        Assert.Equal(SensorSource.OneWire, result.Sample.Source);
    }

    [Fact]
    public async Task Newer_Temperature_File_Is_Used_Without_W1_Slave()
    {
        _sys.File($"sys/bus/w1/devices/{Address}/temperature", "24500\n");

        var result = await new Ds18b20Reader(_sys.Root, "t", Address).ReadAsync();

        Assert.Equal(24.5, result.Sample!.TemperatureC);
    }

    [Fact]
    public async Task Crc_Failure_Is_A_Fault_Not_A_Reading()
    {
        _sys.W1Slave(Address, "72 01 4b 46 7f ff 0e 10 57 : crc=ff NO\n72 01 4b 46 7f ff 0e 10 57 t=23125\n");

        var result = await new Ds18b20Reader(_sys.Root, "t", Address).ReadAsync();

        Assert.Null(result.Sample);
        Assert.Equal(SensorFaultKind.CrcFailed, result.Fault!.Kind);
    }

    [Fact]
    public async Task Unplugged_Sensor_Is_Missing_Then_Read_Again_When_Back()
    {
        _sys.W1Slave(Address, "72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 57 t=23125\n");
        var reader = new Ds18b20Reader(_sys.Root, "t", Address);
        _sys.Delete($"sys/bus/w1/devices/{Address}");

        Assert.Equal(SensorFaultKind.Missing, (await reader.ReadAsync()).Fault!.Kind);

        _sys.W1Slave(Address, "80 01 4b 46 7f ff 0e 10 f6 : crc=f6 YES\n80 01 4b 46 7f ff 0e 10 f6 t=24000\n");
        Assert.Equal(24.0, (await reader.ReadAsync()).Sample!.TemperatureC);
    }

    [Fact]
    public async Task Truncated_File_Is_Malformed()
    {
        _sys.W1Slave(Address, "72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n");

        var result = await new Ds18b20Reader(_sys.Root, "t", Address).ReadAsync();

        Assert.Equal(SensorFaultKind.Malformed, result.Fault!.Kind);
    }
}
