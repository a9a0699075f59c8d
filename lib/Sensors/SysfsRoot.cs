namespace ClassroomFleet.Sensors;

/// <summary>
/// Where sysfs is mounted for the readers: <c>/</c> on a gateway, a temp folder holding a fake tree in tests.
/// Paths below it are the kernel's own (<c>sys/bus/iio/devices</c>, <c>sys/class/hwmon</c>, <c>sys/bus/w1/devices</c>).
/// </summary>
public sealed class SysfsRoot
{
    public SysfsRoot(string path = "/")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = path;
    }

    public string Path { get; }

    public string IioDevices => Resolve("sys/bus/iio/devices");

    public string HwmonClass => Resolve("sys/class/hwmon");

    public string W1Devices => Resolve("sys/bus/w1/devices");

    /// <summary>Maps a path of the real sysfs (with or without the leading slash) below this root.</summary>
    public string Resolve(string sysPath) => System.IO.Path.Combine(Path, sysPath.TrimStart('/'));
}
