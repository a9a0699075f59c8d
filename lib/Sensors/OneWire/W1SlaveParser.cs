using System.Globalization;

namespace ClassroomFleet.Sensors.OneWire;

/// <summary>
/// Parses the <c>w1_slave</c> file of the kernel's w1_therm driver for a DS18B20: two lines of the nine scratchpad
/// bytes in hex, the first ending <c>crc=XX YES</c> (or <c>NO</c> on a CRC mismatch), the second ending
/// <c>t=23125</c>, the temperature in milli °C. The scratchpad's CRC is checked here too, not only the driver's verdict,
/// and an all-zero scratchpad (a data line shorted to ground reads as zeros, whose CRC is also zero) is refused.
/// </summary>
internal static class W1SlaveParser
{
    /// <summary>The DS18B20's temperature register after power-on, before any conversion (datasheet: +85 °C).</summary>
    public const int PowerOnResetMilliC = 85000;

    /// <summary>The DS18B20's measuring range, −55 °C to +125 °C (datasheet).</summary>
    public const int MinMilliC = -55000;
    public const int MaxMilliC = 125000;

    private const int ScratchpadLength = 9;

    /// <exception cref="SensorFormatException">Not two lines of the expected shape, CRC failed, or the power-on value.</exception>
    public static int ParseMilliC(string text, string path)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length < 2)
        {
            throw new SensorFormatException($"{path} holds '{SysfsText.Shown(text)}', not the two lines of w1_slave");
        }

        var status = lines[0];
        if (status.EndsWith(" NO", StringComparison.Ordinal))
        {
            throw new SensorFormatException(SensorFaultKind.CrcFailed, $"{path}: CRC check failed ('{SysfsText.Shown(status)}')");
        }

        if (!status.EndsWith(" YES", StringComparison.Ordinal) || !status.Contains("crc=", StringComparison.Ordinal))
        {
            throw new SensorFormatException($"{path}: first line '{SysfsText.Shown(status)}' does not end with crc=XX YES|NO");
        }

        CheckScratchpad(status, path);
        return CheckRange(ParseTemperatureLine(lines[1], path), path);
    }

    /// <summary>The newer <c>temperature</c> file: the milli °C value alone (the driver has checked the CRC).</summary>
    public static int ParseTemperatureFile(string text, string path)
    {
        var span = text.AsSpan().Trim();
        if (!int.TryParse(span, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milliC))
        {
            throw new SensorFormatException($"{path} holds '{SysfsText.Shown(text)}', not a temperature in milli °C");
        }

        return CheckRange(milliC, path);
    }

    private static void CheckScratchpad(string status, string path)
    {
        Span<byte> scratchpad = stackalloc byte[ScratchpadLength];
        var colon = status.IndexOf(':', StringComparison.Ordinal);
        var hex = colon < 0 ? ReadOnlySpan<char>.Empty : status.AsSpan(0, colon).Trim();
        var count = 0;
        foreach (var range in hex.Split(' '))
        {
            var part = hex[range];
            if (part.IsEmpty)
            {
                continue;
            }

            if (count == ScratchpadLength || !byte.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out scratchpad[count]))
            {
                throw new SensorFormatException($"{path}: first line '{SysfsText.Shown(status)}' does not start with the nine scratchpad bytes");
            }

            count++;
        }

        if (count != ScratchpadLength)
        {
            throw new SensorFormatException($"{path}: first line '{SysfsText.Shown(status)}' does not start with the nine scratchpad bytes");
        }

        if (!scratchpad.ContainsAnyExcept((byte)0))
        {
            throw new SensorFormatException(SensorFaultKind.CrcFailed, $"{path}: the scratchpad reads all zeros (data line shorted to ground?)");
        }

        var computed = DallasCrc8.Compute(scratchpad[..8]);
        if (computed != scratchpad[8])
        {
            throw new SensorFormatException(SensorFaultKind.CrcFailed, $"{path}: scratchpad CRC is {scratchpad[8]:x2}, computed {computed:x2} ('{SysfsText.Shown(status)}')");
        }
    }

    private static int ParseTemperatureLine(string line, string path)
    {
        var at = line.LastIndexOf("t=", StringComparison.Ordinal);
        if (at < 0 || !int.TryParse(line.AsSpan(at + 2), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var milliC))
        {
            throw new SensorFormatException($"{path}: second line '{SysfsText.Shown(line)}' does not end with t=<milli °C>");
        }

        return milliC;
    }

    private static int CheckRange(int milliC, string path)
    {
        if (milliC == PowerOnResetMilliC)
        {
            throw new SensorFormatException(SensorFaultKind.PowerOnReset, $"{path}: 85 °C is the DS18B20 power-on value; no conversion took place (check the supply)");
        }

        if (milliC is < MinMilliC or > MaxMilliC)
        {
            throw new SensorFormatException($"{path}: {milliC} m°C is outside the DS18B20 range of -55 to 125 °C");
        }

        return milliC;
    }
}
