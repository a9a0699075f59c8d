using ClassroomFleet.Sensors.Iio;
using ClassroomFleet.Sensors.OneWire;

namespace ClassroomFleet.Sensors;

/// <summary>
/// Finds the environment sensors present under a sysfs root: every named IIO device with a temperature, humidity or
/// pressure channel (not the SoC's ADC or an accelerometer) and every DS18B20. hwmon chips are left out on purpose: on
/// a gateway they are mostly its own CPU, NVMe and PMIC, which say nothing about the cabinet's air, so a hwmon sensor
/// must be named in configuration. A bus or device that fails to list or read is skipped and returned as a fault;
/// discovery itself never throws for sysfs.
/// </summary>
public static class SensorDiscovery
{
    private const string Discovery = "discovery";

    public static async Task<SensorDiscoveryResult> DiscoverAsync(SysfsRoot root, CancellationToken cancellationToken = default)
    {
        var readers = new List<ISensorReader>();
        var faults = new List<SensorFault>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in List(() => IioDeviceLocator.EnumerateDevices(root), root.IioDevices, faults))
        {
            string? name;
            try
            {
                name = (await SysfsText.ReadAsync(Path.Combine(folder, "name"), cancellationToken).ConfigureAwait(false))?.Trim();
                if (string.IsNullOrEmpty(name) || !IioChannel.HasEnvironmentChannel(folder))
                {
                    continue;
                }
            }
            catch (Exception ex) when (SensorReads.IsSysfsFailure(ex))
            {
                faults.Add(Fault(folder, ex));
                continue;
            }

            // Two chips of one kind get their folder as id and device, so each keeps its own series.
            var folderName = Path.GetFileName(folder);
            readers.Add(seen.Add(name) ? new IioSensorReader(root, name, name) : new IioSensorReader(root, folderName, folderName));
        }

        foreach (var folder in List(() => ListDs18b20s(root), root.W1Devices, faults))
        {
            var address = Path.GetFileName(folder);
            readers.Add(new Ds18b20Reader(root, address, address));
        }

        return new SensorDiscoveryResult(readers, faults);
    }

    private static string[] ListDs18b20s(SysfsRoot root)
    {
        if (!Directory.Exists(root.W1Devices))
        {
            return [];
        }

        var addresses = Directory.GetDirectories(root.W1Devices, Ds18b20Reader.FamilyPrefix + "*");
        Array.Sort(addresses, StringComparer.Ordinal);
        return addresses;
    }

    private static IEnumerable<string> List(Func<IEnumerable<string>> list, string path, List<SensorFault> faults)
    {
        try
        {
            return list();
        }
        catch (Exception ex) when (SensorReads.IsSysfsFailure(ex))
        {
            faults.Add(Fault(path, ex));
            return [];
        }
    }

    private static SensorFault Fault(string path, Exception ex) =>
        new(Discovery, SensorReads.IsVanished(ex) ? SensorFaultKind.Missing : SensorFaultKind.Unreadable, path, ex.Message);
}
