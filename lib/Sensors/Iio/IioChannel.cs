namespace ClassroomFleet.Sensors.Iio;

/// <summary>
/// One IIO channel type of one device (<c>temp</c>, <c>humidityrelative</c>, <c>pressure</c>), read as the
/// Linux IIO sysfs ABI (Documentation/ABI/testing/sysfs-bus-iio) defines it: <c>in_X_input</c> when the driver
/// gives a processed value, otherwise (<c>in_X_raw</c> + <c>in_X_offset</c>) × <c>in_X_scale</c>, the offset being
/// added before scaling. Drivers with indexed channels name the first one <c>in_X0_…</c>, its scale and offset either
/// <c>in_X0_scale</c> or the type's shared <c>in_X_scale</c>. Units after this are the ABI's: milli °C, milli %RH, kPa.
/// </summary>
internal static class IioChannel
{
    public const string Temperature = "temp";
    public const string Humidity = "humidityrelative";
    public const string Pressure = "pressure";

    private static readonly string[] Environment = [Temperature, Humidity, Pressure];

    /// <summary>True when the device has a temperature, humidity or pressure channel (an ADC or IMU has none).</summary>
    public static bool HasEnvironmentChannel(string deviceDirectory) =>
        Environment.Any(channel => Prefixes(channel).Any(prefix =>
            File.Exists(Path.Combine(deviceDirectory, $"{prefix}_input")) || File.Exists(Path.Combine(deviceDirectory, $"{prefix}_raw"))));

    /// <summary>The channel's value in its ABI unit, or null when the device has no such channel.</summary>
    /// <exception cref="SensorFormatException">A value file is not a number.</exception>
    public static async ValueTask<double?> ReadAsync(string deviceDirectory, string channel, CancellationToken cancellationToken)
    {
        foreach (var prefix in Prefixes(channel))
        {
            var inputPath = Path.Combine(deviceDirectory, $"{prefix}_input");
            if (await SysfsText.ReadAsync(inputPath, cancellationToken).ConfigureAwait(false) is { } input)
            {
                return SysfsNumber.Parse(input, inputPath);
            }

            var rawPath = Path.Combine(deviceDirectory, $"{prefix}_raw");
            if (await SysfsText.ReadAsync(rawPath, cancellationToken).ConfigureAwait(false) is not { } raw)
            {
                continue;
            }

            var scale = await ReadOptionalAsync(deviceDirectory, prefix, channel, "scale", 1.0, cancellationToken).ConfigureAwait(false);
            var offset = await ReadOptionalAsync(deviceDirectory, prefix, channel, "offset", 0.0, cancellationToken).ConfigureAwait(false);
            return (SysfsNumber.Parse(raw, rawPath) + offset) * scale;
        }

        return null;
    }

    private static string[] Prefixes(string channel) => [$"in_{channel}", $"in_{channel}0"];

    private static async ValueTask<double> ReadOptionalAsync(string deviceDirectory, string prefix, string channel, string attribute, double absent, CancellationToken cancellationToken)
    {
        foreach (var path in new[] { Path.Combine(deviceDirectory, $"{prefix}_{attribute}"), Path.Combine(deviceDirectory, $"in_{channel}_{attribute}") })
        {
            if (await SysfsText.ReadAsync(path, cancellationToken).ConfigureAwait(false) is { } text)
            {
                return SysfsNumber.Parse(text, path);
            }
        }

        return absent;
    }
}
