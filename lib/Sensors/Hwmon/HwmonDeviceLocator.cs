namespace ClassroomFleet.Sensors.Hwmon;

/// <summary>
/// Finds a hwmon chip by its <c>name</c> attribute (<c>lm75</c>, <c>sht3x</c>…). hwmon numbers follow probe order and
/// change between boots, so the name is the stable key; looked up on every read. Old kernels keep the attributes in
/// <c>hwmonN/device/</c>, which is searched too.
/// </summary>
internal static class HwmonDeviceLocator
{
    public static async ValueTask<string?> FindAsync(SysfsRoot root, string name, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(root.HwmonClass))
        {
            return null;
        }

        var folders = Directory.GetDirectories(root.HwmonClass, "hwmon*");
        Array.Sort(folders, StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            foreach (var candidate in new[] { folder, Path.Combine(folder, "device") })
            {
                var text = await SysfsText.ReadAsync(Path.Combine(candidate, "name"), cancellationToken).ConfigureAwait(false);
                if (text is not null && string.Equals(text.Trim(), name, StringComparison.Ordinal))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
