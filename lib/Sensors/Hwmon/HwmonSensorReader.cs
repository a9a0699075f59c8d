namespace ClassroomFleet.Sensors.Hwmon;

/// <summary>
/// A hwmon temperature (and, for chips such as sht3x or hih6130, humidity) sensor: <c>temp{N}_input</c> in milli °C
/// and <c>humidity{N}_input</c> in milli %RH (Documentation/hwmon/sysfs-interface).
/// </summary>
public sealed class HwmonSensorReader(SysfsRoot root, string id, string name, int channel = 1) : ISensorReader
{
    private const double Milli = 1000.0;

    public string Id { get; } = id;

    public SensorSource Source => SensorSource.Hwmon;

    public string Name { get; } = name;

    public int Channel { get; } = channel;

    /// <summary>The lookup lists the class folder and reads every chip's <c>name</c>: it is guarded like the read itself.</summary>
    public ValueTask<SensorReadResult> ReadAsync(CancellationToken cancellationToken = default) =>
        SensorReads.GuardAsync(Id, root.HwmonClass, async ct =>
            await HwmonDeviceLocator.FindAsync(root, Name, ct).ConfigureAwait(false) is { } folder
                ? await SensorReads.GuardAsync(Id, folder, c => ReadChannelsAsync(folder, c), ct).ConfigureAwait(false)
                : SensorReads.Missing(Id, root.HwmonClass, $"no hwmon chip named '{Name}'"),
            cancellationToken);

    private async ValueTask<SensorReadResult> ReadChannelsAsync(string folder, CancellationToken cancellationToken)
    {
        var temperature = await ReadMilliAsync(Path.Combine(folder, $"temp{Channel}_input"), cancellationToken).ConfigureAwait(false);
        var humidity = await ReadMilliAsync(Path.Combine(folder, $"humidity{Channel}_input"), cancellationToken).ConfigureAwait(false);
        if (temperature is null && humidity is null)
        {
            return SensorReads.Missing(Id, folder, $"no temp{Channel}_input or humidity{Channel}_input");
        }

        return SensorReadResult.Ok(new SensorSample(Id, SensorSource.Hwmon, temperature / Milli, humidity / Milli, null));
    }

    private static async ValueTask<double?> ReadMilliAsync(string path, CancellationToken cancellationToken) =>
        await SysfsText.ReadAsync(path, cancellationToken).ConfigureAwait(false) is { } text ? SysfsNumber.Parse(text, path) : null;
}
