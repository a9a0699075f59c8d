namespace ClassroomFleet.Agent.Cabinet;

/// <summary>The kernel interface a configured sensor is read through.</summary>
public enum CabinetSensorType
{
    Iio,
    Hwmon,
    Ds18b20,
}
