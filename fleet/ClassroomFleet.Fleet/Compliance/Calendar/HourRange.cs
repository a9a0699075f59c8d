using System.Globalization;

namespace ClassroomFleet.Fleet.Compliance.Calendar;

/// <summary>A daily span of school hours such as 08:00-12:00 (start inclusive, end exclusive), in Asia/Shanghai time.</summary>
public readonly record struct HourRange(TimeOnly Start, TimeOnly End)
{
    public bool Contains(TimeOnly time) => time >= Start && time < End;

    public static bool TryParse(string text, out HourRange range)
    {
        range = default;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0
            || !TimeOnly.TryParseExact(text.AsSpan(0, dash).Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(text.AsSpan(dash + 1).Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            || end <= start)
        {
            return false;
        }

        range = new HourRange(start, end);
        return true;
    }

    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";
}
