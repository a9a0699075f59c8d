namespace ClassroomFleet.Agent.Cabinet;

/// <summary>Tag and field names of the <c>cabinet</c> measurement.</summary>
public static class CabinetFields
{
    public const string SensorTag = "sensor";
    public const string InputTag = "input";

    public const string TemperatureC = "temperature_c";
    public const string HumidityPct = "humidity_pct";
    public const string PressureKpa = "pressure_kpa";
    public const string DoorOpen = "door_open";
    public const string MainsOk = "mains_ok";
    public const string UpsOnBattery = "ups_on_battery";
    public const string AlertOverTemperature = "alert_over_temperature";
    public const string AlertHighHumidity = "alert_high_humidity";
    public const string AlertDoorOpenLong = "alert_door_open_long";
    public const string AlertMainsLost = "alert_mains_lost";
    public const string AlertOnBattery = "alert_on_battery";
    public const string Ok = "ok";
    public const string Fault = "fault";
    public const string Error = "error";
    public const string GpioOk = "gpio_ok";
    public const string SensorFaults = "sensor_faults";
    public const string ReadingFailures = "reading_failures";
}
