namespace ClassroomFleet.Sensors;

/// <summary>Turns what a read can throw into the typed fault of <see cref="SensorReadResult"/>: readers share this.</summary>
internal static class SensorReads
{
    /// <summary>
    /// Runs <paramref name="read"/>; a file or folder that vanishes under it (a sensor unplugged mid-read, a bus
    /// folder removed while listed) is a <see cref="SensorFaultKind.Missing"/> fault, any other I/O failure
    /// <see cref="SensorFaultKind.Unreadable"/>. Only cancellation and programming errors get through.
    /// </summary>
    public static async ValueTask<SensorReadResult> GuardAsync(
        string sensor,
        string path,
        Func<CancellationToken, ValueTask<SensorReadResult>> read,
        CancellationToken cancellationToken)
    {
        try
        {
            return await read(cancellationToken).ConfigureAwait(false);
        }
        catch (SensorFormatException ex)
        {
            return SensorReadResult.Failed(new SensorFault(sensor, ex.Kind, path, ex.Message));
        }
        catch (Exception ex) when (IsVanished(ex))
        {
            return Missing(sensor, path, ex.Message);
        }
        catch (Exception ex) when (IsSysfsFailure(ex))
        {
            return SensorReadResult.Failed(new SensorFault(sensor, SensorFaultKind.Unreadable, path, ex.Message));
        }
    }

    public static SensorReadResult Missing(string sensor, string path, string detail) =>
        SensorReadResult.Failed(new SensorFault(sensor, SensorFaultKind.Missing, path, detail));

    /// <summary>A file or folder that was there a moment ago is gone.</summary>
    public static bool IsVanished(Exception ex) => ex is DirectoryNotFoundException or FileNotFoundException;

    /// <summary>What the kernel or the file system can make a sysfs read or listing throw.</summary>
    public static bool IsSysfsFailure(Exception ex) => ex is IOException or UnauthorizedAccessException;
}
