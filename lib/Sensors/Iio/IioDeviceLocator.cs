namespace ClassroomFleet.Sensors.Iio;

/// <summary>
/// Finds an IIO device by its driver name (the <c>name</c> attribute, e.g. <c>bme280</c>) or by its folder
/// (<c>iio:device0</c>). Looked up on every read: the kernel renumbers devices when one is re-plugged or re-probed.
/// </summary>
internal static class IioDeviceLocator
{
    private const string FolderPrefix = "iio:device";

    public static async ValueTask<string?> FindAsync(SysfsRoot root, string device, CancellationToken cancellationToken)
    {
        if (device.StartsWith(FolderPrefix, StringComparison.Ordinal))
        {
            var direct = Path.Combine(root.IioDevices, device);
            return Directory.Exists(direct) ? direct : null;
        }

        foreach (var folder in EnumerateDevices(root))
        {
            var name = await SysfsText.ReadAsync(Path.Combine(folder, "name"), cancellationToken).ConfigureAwait(false);
            if (name is not null && string.Equals(name.Trim(), device, StringComparison.Ordinal))
            {
                return folder;
            }
        }

        return null;
    }

    public static IEnumerable<string> EnumerateDevices(SysfsRoot root)
    {
        if (!Directory.Exists(root.IioDevices))
        {
            return [];
        }

        var folders = Directory.GetDirectories(root.IioDevices, FolderPrefix + "*");
        Array.Sort(folders, StringComparer.Ordinal);
        return folders;
    }
}
