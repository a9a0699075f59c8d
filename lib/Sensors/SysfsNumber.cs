using System.Globalization;

namespace ClassroomFleet.Sensors;

/// <summary>Parses the numbers sysfs attribute files hold: one value, optional surrounding whitespace and newline.</summary>
internal static class SysfsNumber
{
    /// <summary>A decimal number (<c>23125</c>, <c>-4.5</c>, <c>0.010000000</c>); anything else is a typed error.</summary>
    /// <exception cref="SensorFormatException">The text is not one finite number.</exception>
    public static double Parse(string text, string path)
    {
        var span = text.AsSpan().Trim();
        if (span.IsEmpty
            || !double.TryParse(span, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            throw new SensorFormatException($"{path} holds '{SysfsText.Shown(text)}', not a number");
        }

        return value;
    }
}
