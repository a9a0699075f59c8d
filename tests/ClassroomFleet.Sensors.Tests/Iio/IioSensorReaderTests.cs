using ClassroomFleet.Sensors.Iio;

namespace ClassroomFleet.Sensors.Tests.Iio;

public sealed class IioSensorReaderTests : IDisposable
{
    private readonly FakeSysfsTree _sys = new();

    public void Dispose() => _sys.Dispose();

    [Fact]
    public async Task Bme280_Processed_Channels_Are_Converted_From_Milli_Units()
    {
        _sys.Iio("iio:device0", "bme280",
            ("in_temp_input", "23450\n"),
            ("in_humidityrelative_input", "45123\n"),
            ("in_pressure_input", "100.325000000\n"));

        var result = await new IioSensorReader(_sys.Root, "top", "bme280").ReadAsync();

        Assert.True(result.IsSuccess, result.Fault?.ToString());
        Assert.Equal(23.45, result.Sample!.TemperatureC!.Value, 9);
        Assert.Equal(45.123, result.Sample.HumidityPct!.Value, 9);
        Assert.Equal(100.325, result.Sample.PressureKpa!.Value, 9);
        Assert.Equal(SensorSource.Iio, result.Sample.Source);
    }

    [Fact]
    public async Task Raw_Value_Gets_Offset_Added_Before_Scale()
    {
        // (raw + offset) × scale, per the IIO ABI: (1500 + -500) × 25 = 25000 m°C.
        _sys.Iio("iio:device0", "tmp-raw",
            ("in_temp_raw", "1500\n"),
            ("in_temp_offset", "-500\n"),
            ("in_temp_scale", "25.000000\n"));

        var result = await new IioSensorReader(_sys.Root, "t", "tmp-raw").ReadAsync();

        Assert.Equal(25.0, result.Sample!.TemperatureC!.Value, 9);
        Assert.Null(result.Sample.HumidityPct);
        Assert.Null(result.Sample.PressureKpa);
    }

    [Fact]
    public async Task Raw_Value_Without_Scale_Or_Offset_Is_Already_In_Abi_Units()
    {
        _sys.Iio("iio:device0", "dht11", ("in_humidityrelative_raw", "61000\n"));

        var result = await new IioSensorReader(_sys.Root, "h", "dht11").ReadAsync();

        Assert.Equal(61.0, result.Sample!.HumidityPct!.Value, 9);
    }

    [Fact]
    public async Task Input_File_Is_Preferred_Over_Raw()
    {
        _sys.Iio("iio:device0", "bmp280", ("in_temp_input", "30000"), ("in_temp_raw", "999"), ("in_temp_scale", "10"));

        var result = await new IioSensorReader(_sys.Root, "t", "bmp280").ReadAsync();

        Assert.Equal(30.0, result.Sample!.TemperatureC!.Value, 9);
    }

    [Fact]
    public async Task Device_Is_Found_By_Name_After_The_Kernel_Renumbers_It()
    {
        _sys.Iio("iio:device0", "bme280", ("in_temp_input", "20000"));
        var reader = new IioSensorReader(_sys.Root, "top", "bme280");
        Assert.Equal(20.0, (await reader.ReadAsync()).Sample!.TemperatureC);

        _sys.Delete("sys/bus/iio/devices/iio:device0");
        _sys.Iio("iio:device0", "ads1015").Iio("iio:device3", "bme280", ("in_temp_input", "21000"));

        Assert.Equal(21.0, (await reader.ReadAsync()).Sample!.TemperatureC);
    }

    [Fact]
    public async Task Unplugged_Device_Is_Reported_Missing_And_Comes_Back()
    {
        _sys.Iio("iio:device0", "bme280", ("in_temp_input", "20000"));
        var reader = new IioSensorReader(_sys.Root, "top", "bme280");
        _sys.Delete("sys/bus/iio/devices/iio:device0");

        var missing = await reader.ReadAsync();
        Assert.False(missing.IsSuccess);
        Assert.Equal(SensorFaultKind.Missing, missing.Fault!.Kind);
        Assert.Equal("top", missing.Fault.Sensor);

        _sys.Iio("iio:device1", "bme280", ("in_temp_input", "22000"));
        Assert.Equal(22.0, (await reader.ReadAsync()).Sample!.TemperatureC);
    }

    [Fact]
    public async Task No_Iio_Bus_At_All_Is_Missing_Not_An_Exception()
    {
        var result = await new IioSensorReader(_sys.Root, "top", "bme280").ReadAsync();

        Assert.Equal(SensorFaultKind.Missing, result.Fault!.Kind);
    }

    [Theory]
    [InlineData("in_temp_input", "")]
    [InlineData("in_temp_input", "23.4.5")]
    [InlineData("in_temp_input", "hot")]
    [InlineData("in_temp_input", "NaN")]
    [InlineData("in_temp_input", "1e400")]
    [InlineData("in_pressure_input", "-")]
    public async Task Malformed_Value_File_Is_A_Typed_Fault_Naming_The_File(string file, string content)
    {
        _sys.Iio("iio:device0", "bme280", ("in_humidityrelative_input", "40000"), (file, content));

        var result = await new IioSensorReader(_sys.Root, "top", "bme280").ReadAsync();

        Assert.Equal(SensorFaultKind.Malformed, result.Fault!.Kind);
        Assert.Contains(file, result.Fault.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_Scale_Is_A_Typed_Fault()
    {
        _sys.Iio("iio:device0", "x", ("in_temp_raw", "100"), ("in_temp_scale", "0,5"));

        var result = await new IioSensorReader(_sys.Root, "t", "x").ReadAsync();

        Assert.Equal(SensorFaultKind.Malformed, result.Fault!.Kind);
        Assert.Contains("in_temp_scale", result.Fault.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Device_Without_Environment_Channels_Is_Missing()
    {
        _sys.Iio("iio:device0", "ads1015", ("in_voltage0_raw", "1234"));

        var result = await new IioSensorReader(_sys.Root, "adc", "ads1015").ReadAsync();

        Assert.Equal(SensorFaultKind.Missing, result.Fault!.Kind);
        Assert.Contains("channel", result.Fault.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Device_Can_Be_Named_By_Its_Folder()
    {
        _sys.Iio("iio:device2", "bme280", ("in_temp_input", "19500"));

        var result = await new IioSensorReader(_sys.Root, "t", "iio:device2").ReadAsync();

        Assert.Equal(19.5, result.Sample!.TemperatureC);
    }

    [Fact]
    public async Task Unreadable_Value_File_Is_A_Typed_Fault()
    {
        // A folder where a value file should be: reading it fails with an I/O error, as EIO from a dead sensor does.
        _sys.Iio("iio:device0", "bme280");
        Directory.CreateDirectory(_sys.Root.Resolve("sys/bus/iio/devices/iio:device0/in_temp_input"));

        var result = await new IioSensorReader(_sys.Root, "t", "bme280").ReadAsync();

        Assert.Equal(SensorFaultKind.Unreadable, result.Fault!.Kind);
    }

    [Fact]
    public async Task Unreadable_Name_While_Looking_For_The_Device_Is_A_Typed_Fault_Not_An_Exception()
    {
        // The lookup reads every device's name; one that fails (a folder stands in for the I/O error) must not escape.
        Directory.CreateDirectory(_sys.Root.Resolve("sys/bus/iio/devices/iio:device0/name"));
        _sys.Iio("iio:device1", "bme280", ("in_temp_input", "21000"));

        var result = await new IioSensorReader(_sys.Root, "top", "bme280").ReadAsync();

        Assert.Equal(SensorFaultKind.Unreadable, result.Fault!.Kind);
        Assert.Equal("top", result.Fault.Sensor);
    }

    [Fact]
    public async Task Indexed_Channel_Is_Read_With_The_Types_Shared_Scale()
    {
        // in_temp0_raw with the shared in_temp_scale: 2300 × 10 = 23000 m°C.
        _sys.Iio("iio:device0", "tmp117", ("in_temp0_raw", "2300\n"), ("in_temp_scale", "10\n"));

        var result = await new IioSensorReader(_sys.Root, "t", "tmp117").ReadAsync();

        Assert.True(result.IsSuccess, result.Fault?.ToString());
        Assert.Equal(23.0, result.Sample!.TemperatureC!.Value, 9);
    }

    [Fact]
    public async Task Indexed_Channel_Prefers_Its_Own_Scale()
    {
        _sys.Iio("iio:device0", "hdc", ("in_humidityrelative0_raw", "500\n"), ("in_humidityrelative0_scale", "100\n"), ("in_humidityrelative_scale", "1\n"));

        var result = await new IioSensorReader(_sys.Root, "h", "hdc").ReadAsync();

        Assert.Equal(50.0, result.Sample!.HumidityPct!.Value, 9);
    }
}
