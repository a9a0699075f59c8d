using ClassroomFleet.Sensors.Iio;
using ClassroomFleet.Sensors.OneWire;

namespace ClassroomFleet.Sensors;

/// <summary>
/// Finds the environment sensors present under a sysfs root: every named IIO device and every DS18B20. hwmon chips
/// are left out on purpose: on a gateway they are mostly its own CPU, NVMe and PMIC, which say nothing about the
/// cabinet's air, so a hwmon sensor must be named in configuration.
/// </summary>
public static class SensorDiscovery
{
    public static async Task<IReadOnlyList<ISensorReader>> DiscoverAsync(SysfsRoot root, CancellationToken cancellationToken = default)
    {
        var readers = new List<ISensorReader>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in IioDeviceLocator.EnumerateDevices(root))
        {
            var name = (await SysfsText.ReadAsync(Path.Combine(folder, "name"), cancellationToken).ConfigureAwait(false))?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            // Two chips of one kind get their folder as id and device, so each keeps its own series.
            var folderName = Path.GetFileName(folder);
            readers.Add(seen.Add(name) ? new IioSensorReader(root, name, name) : new IioSensorReader(root, folderName, folderName));
        }

        if (Directory.Exists(root.W1Devices))
        {
            var addresses = Directory.GetDirectories(root.W1Devices, Ds18b20Reader.FamilyPrefix + "*");
            Array.Sort(addresses, StringComparer.Ordinal);
            foreach (var folder in addresses)
            {
                var address = Path.GetFileName(folder);
                readers.Add(new Ds18b20Reader(root, address, address));
            }
        }

        return readers;
    }
}
