namespace ClassroomFleet.Sensors.Iio;

/// <summary>
/// A temperature / humidity / pressure sensor bound to an IIO driver (bme280, bmp280, dht11, si7020, hdc100x…).
/// Reports the channels the device has; a device with none of the three is reported missing.
/// </summary>
public sealed class IioSensorReader(SysfsRoot root, string id, string device) : ISensorReader
{
    private const double Milli = 1000.0;

    public string Id { get; } = id;

    public SensorSource Source => SensorSource.Iio;

    /// <summary>The driver name or folder this reader looks for.</summary>
    public string Device { get; } = device;

    /// <summary>The lookup lists the bus and reads every device's <c>name</c>: it is guarded like the read itself.</summary>
    public ValueTask<SensorReadResult> ReadAsync(CancellationToken cancellationToken = default) =>
        SensorReads.GuardAsync(Id, root.IioDevices, async ct =>
            await IioDeviceLocator.FindAsync(root, Device, ct).ConfigureAwait(false) is { } folder
                ? await SensorReads.GuardAsync(Id, folder, c => ReadChannelsAsync(folder, c), ct).ConfigureAwait(false)
                : SensorReads.Missing(Id, root.IioDevices, $"no IIO device named '{Device}'"),
            cancellationToken);

    private async ValueTask<SensorReadResult> ReadChannelsAsync(string folder, CancellationToken cancellationToken)
    {
        var temperature = await IioChannel.ReadAsync(folder, IioChannel.Temperature, cancellationToken).ConfigureAwait(false);
        var humidity = await IioChannel.ReadAsync(folder, IioChannel.Humidity, cancellationToken).ConfigureAwait(false);
        var pressure = await IioChannel.ReadAsync(folder, IioChannel.Pressure, cancellationToken).ConfigureAwait(false);
        if (temperature is null && humidity is null && pressure is null)
        {
            return SensorReads.Missing(Id, folder, "no temp, humidityrelative or pressure channel");
        }

        return SensorReadResult.Ok(new SensorSample(Id, SensorSource.Iio, temperature / Milli, humidity / Milli, pressure));
    }
}
