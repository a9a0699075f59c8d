namespace ClassroomFleet.Sensors;

/// <summary>Why a sensor gave no reading.</summary>
public enum SensorFaultKind
{
    /// <summary>The device or its value file is not there (unplugged, driver not loaded, wrong name).</summary>
    Missing,

    /// <summary>A value file holds something that is not a number where one is expected.</summary>
    Malformed,

    /// <summary>The 1-Wire bus master reported a CRC mismatch (<c>NO</c> on the first line of <c>w1_slave</c>).</summary>
    CrcFailed,

    /// <summary>The DS18B20 returned its power-on reset value (85 °C): no conversion happened.</summary>
    PowerOnReset,

    /// <summary>The kernel refused the read (EIO, ENODEV, EACCES…): the device is there but does not answer.</summary>
    Unreadable,
}
