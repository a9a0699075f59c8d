namespace ClassroomFleet.Sensors;

/// <summary>Turns what a read can throw into the typed fault of <see cref="SensorReadResult"/>: readers share this.</summary>
internal static class SensorReads
{
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
        catch (IOException ex)
        {
            return SensorReadResult.Failed(new SensorFault(sensor, SensorFaultKind.Unreadable, path, ex.Message));
        }
        catch (UnauthorizedAccessException ex)
        {
            return SensorReadResult.Failed(new SensorFault(sensor, SensorFaultKind.Unreadable, path, ex.Message));
        }
    }

    public static SensorReadResult Missing(string sensor, string path, string detail) =>
        SensorReadResult.Failed(new SensorFault(sensor, SensorFaultKind.Missing, path, detail));
}
