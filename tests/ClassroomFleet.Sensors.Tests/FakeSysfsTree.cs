namespace ClassroomFleet.Sensors.Tests;

/// <summary>A sysfs tree in a temp folder: the paths and file contents the kernel drivers would show.</summary>
public sealed class FakeSysfsTree : IDisposable
{
    public FakeSysfsTree()
    {
        Path = Directory.CreateTempSubdirectory("cf-sysfs-").FullName;
        Root = new SysfsRoot(Path);
    }

    public string Path { get; }

    public SysfsRoot Root { get; }

    /// <summary>Writes <paramref name="content"/> to <paramref name="sysPath"/> (e.g. <c>sys/bus/iio/devices/iio:device0/name</c>).</summary>
    public FakeSysfsTree File(string sysPath, string content)
    {
        var full = Root.Resolve(sysPath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, content);
        return this;
    }

    public FakeSysfsTree Iio(string folder, string name, params (string File, string Content)[] files)
    {
        File($"sys/bus/iio/devices/{folder}/name", name + "\n");
        foreach (var (file, content) in files)
        {
            File($"sys/bus/iio/devices/{folder}/{file}", content);
        }

        return this;
    }

    public FakeSysfsTree Hwmon(string folder, string name, params (string File, string Content)[] files)
    {
        File($"sys/class/hwmon/{folder}/name", name + "\n");
        foreach (var (file, content) in files)
        {
            File($"sys/class/hwmon/{folder}/{file}", content);
        }

        return this;
    }

    public FakeSysfsTree W1Slave(string address, string content) => File($"sys/bus/w1/devices/{address}/w1_slave", content);

    public void Delete(string sysPath)
    {
        var full = Root.Resolve(sysPath);
        if (Directory.Exists(full))
        {
            Directory.Delete(full, recursive: true);
        }
        else
        {
            System.IO.File.Delete(full);
        }
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
