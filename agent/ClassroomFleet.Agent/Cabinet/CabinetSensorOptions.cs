namespace ClassroomFleet.Agent.Cabinet;

/// <summary>One configured sensor (<c>Cabinet:Sensors:N</c>).</summary>
public sealed class CabinetSensorOptions
{
    /// <summary>The <c>sensor</c> tag of its points, e.g. <c>top</c>, <c>intake</c>.</summary>
    public string Id { get; set; } = "";

    public CabinetSensorType Type { get; set; }

    /// <summary>IIO: driver name (<c>bme280</c>) or folder (<c>iio:device0</c>); hwmon: chip name (<c>lm75</c>); DS18B20: address (<c>28-0316a2799aff</c>).</summary>
    public string Device { get; set; } = "";

    /// <summary>hwmon only: the N of <c>tempN_input</c>.</summary>
    public int Channel { get; set; } = 1;
}
