using ClassroomFleet.Sensors.Hwmon;

namespace ClassroomFleet.Sensors.Tests.Hwmon;

public sealed class HwmonSensorReaderTests : IDisposable
{
    private readonly FakeSysfsTree _sys = new();

    public void Dispose() => _sys.Dispose();

    [Fact]
    public async Task Lm75_Temperature_Is_Read_By_Chip_Name_Not_Number()
    {
        _sys.Hwmon("hwmon0", "cpu_thermal", ("temp1_input", "61000\n"))
            .Hwmon("hwmon1", "lm75", ("temp1_input", "31500\n"));

        var result = await new HwmonSensorReader(_sys.Root, "rack", "lm75").ReadAsync();

        Assert.Equal(31.5, result.Sample!.TemperatureC);
        Assert.Null(result.Sample.HumidityPct);
        Assert.Equal(SensorSource.Hwmon, result.Sample.Source);
    }

    [Fact]
    public async Task Sht3x_Gives_Temperature_And_Humidity()
    {
        _sys.Hwmon("hwmon2", "sht3x", ("temp1_input", "26125"), ("humidity1_input", "55300"));

        var result = await new HwmonSensorReader(_sys.Root, "air", "sht3x").ReadAsync();

        Assert.Equal(26.125, result.Sample!.TemperatureC!.Value, 9);
        Assert.Equal(55.3, result.Sample.HumidityPct!.Value, 9);
    }

    [Fact]
    public async Task Other_Channel_Number_Is_Honoured()
    {
        _sys.Hwmon("hwmon0", "nct6775", ("temp1_input", "40000"), ("temp3_input", "28000"));

        var result = await new HwmonSensorReader(_sys.Root, "intake", "nct6775", channel: 3).ReadAsync();

        Assert.Equal(28.0, result.Sample!.TemperatureC);
    }

    [Fact]
    public async Task Attributes_Under_Device_Folder_Of_Old_Kernels_Are_Found()
    {
        _sys.File("sys/class/hwmon/hwmon0/device/name", "lm75\n").File("sys/class/hwmon/hwmon0/device/temp1_input", "27000\n");

        var result = await new HwmonSensorReader(_sys.Root, "rack", "lm75").ReadAsync();

        Assert.Equal(27.0, result.Sample!.TemperatureC);
    }

    [Fact]
    public async Task Missing_Chip_Is_Reported_Missing()
    {
        _sys.Hwmon("hwmon0", "cpu_thermal", ("temp1_input", "61000"));

        var result = await new HwmonSensorReader(_sys.Root, "rack", "lm75").ReadAsync();

        Assert.Equal(SensorFaultKind.Missing, result.Fault!.Kind);
        Assert.Contains("lm75", result.Fault.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chip_Without_The_Channel_Is_Missing()
    {
        _sys.Hwmon("hwmon0", "lm75", ("temp1_input", "30000"));

        var result = await new HwmonSensorReader(_sys.Root, "rack", "lm75", channel: 2).ReadAsync();

        Assert.Equal(SensorFaultKind.Missing, result.Fault!.Kind);
    }

    [Fact]
    public async Task Malformed_Value_Is_A_Typed_Fault()
    {
        _sys.Hwmon("hwmon0", "lm75", ("temp1_input", "31.5C\n"));

        var result = await new HwmonSensorReader(_sys.Root, "rack", "lm75").ReadAsync();

        Assert.Equal(SensorFaultKind.Malformed, result.Fault!.Kind);
        Assert.Contains("temp1_input", result.Fault.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreadable_Name_While_Looking_For_The_Chip_Is_A_Typed_Fault_Not_An_Exception()
    {
        Directory.CreateDirectory(_sys.Root.Resolve("sys/class/hwmon/hwmon0/name"));
        _sys.Hwmon("hwmon1", "lm75", ("temp1_input", "30000"));

        var result = await new HwmonSensorReader(_sys.Root, "rack", "lm75").ReadAsync();

        Assert.Equal(SensorFaultKind.Unreadable, result.Fault!.Kind);
        Assert.Equal("rack", result.Fault.Sensor);
    }
}
