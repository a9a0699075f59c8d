namespace ClassroomFleet.Sensors;

/// <summary>Reads sysfs attribute files: small text, one value, read whole on each poll.</summary>
internal static class SysfsText
{
    private const int MaxShown = 40;

    /// <summary>The file's text, or null when the file or its folder is not there (a sensor unplugged or never bound).</summary>
    /// <exception cref="IOException">The kernel refused the read (EIO, ENODEV…).</exception>
    /// <exception cref="UnauthorizedAccessException">The file is not readable by this process.</exception>
    public static async ValueTask<string?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The file's text for an error message: trimmed, cut short, control characters made visible.</summary>
    public static string Shown(string text)
    {
        var trimmed = text.Trim();
        var cut = trimmed.Length > MaxShown ? trimmed[..MaxShown] + "…" : trimmed;
        return cut.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);
    }
}
