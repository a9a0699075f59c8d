namespace ClassroomFleet.Sensors.Iio;

/// <summary>
/// One IIO channel type of one device (<c>temp</c>, <c>humidityrelative</c>, <c>pressure</c>), read as the
/// Linux IIO sysfs ABI (Documentation/ABI/testing/sysfs-bus-iio) defines it: <c>in_X_input</c> when the driver
/// gives a processed value, otherwise (<c>in_X_raw</c> + <c>in_X_offset</c>) × <c>in_X_scale</c>, the offset being
/// added before scaling. Units after this are the ABI's: milli °C, milli %RH, kPa.
/// </summary>
internal static class IioChannel
{
    public const string Temperature = "temp";
    public const string Humidity = "humidityrelative";
    public const string Pressure = "pressure";

    /// <summary>The channel's value in its ABI unit, or null when the device has no such channel.</summary>
    /// <exception cref="SensorFormatException">A value file is not a number.</exception>
    public static async ValueTask<double?> ReadAsync(string deviceDirectory, string channel, CancellationToken cancellationToken)
    {
        var inputPath = Path.Combine(deviceDirectory, $"in_{channel}_input");
        if (await SysfsText.ReadAsync(inputPath, cancellationToken).ConfigureAwait(false) is { } input)
        {
            return SysfsNumber.Parse(input, inputPath);
        }

        var rawPath = Path.Combine(deviceDirectory, $"in_{channel}_raw");
        if (await SysfsText.ReadAsync(rawPath, cancellationToken).ConfigureAwait(false) is not { } raw)
        {
            return null;
        }

        var scale = await ReadOptionalAsync(Path.Combine(deviceDirectory, $"in_{channel}_scale"), 1.0, cancellationToken).ConfigureAwait(false);
        var offset = await ReadOptionalAsync(Path.Combine(deviceDirectory, $"in_{channel}_offset"), 0.0, cancellationToken).ConfigureAwait(false);
        return (SysfsNumber.Parse(raw, rawPath) + offset) * scale;
    }

    private static async ValueTask<double> ReadOptionalAsync(string path, double absent, CancellationToken cancellationToken) =>
        await SysfsText.ReadAsync(path, cancellationToken).ConfigureAwait(false) is { } text ? SysfsNumber.Parse(text, path) : absent;
}
