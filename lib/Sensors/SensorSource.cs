namespace ClassroomFleet.Sensors;

/// <summary>Which kernel subsystem a sensor is read through.</summary>
public enum SensorSource
{
    /// <summary>Industrial I/O: <c>/sys/bus/iio/devices/iio:deviceN</c> (bme280, bmp280, dht11, si7020…).</summary>
    Iio,

    /// <summary>Hardware monitoring: <c>/sys/class/hwmon/hwmonN</c> (lm75, sht3x, cpu_thermal…).</summary>
    Hwmon,

    /// <summary>1-Wire DS18B20: <c>/sys/bus/w1/devices/28-*</c>.</summary>
    OneWire,
}
