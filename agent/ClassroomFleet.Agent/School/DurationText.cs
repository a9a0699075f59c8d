using System.Globalization;

namespace ClassroomFleet.Agent.School;

/// <summary>Durations as people write them in configuration: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h</c>, <c>1d</c>.</summary>
public static class DurationText
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        var span = text.AsSpan().Trim();
        var unitStart = span.Length;
        while (unitStart > 0 && char.IsAsciiLetter(span[unitStart - 1]))
        {
            unitStart--;
        }

        if (unitStart == 0 || !double.TryParse(span[..unitStart], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number <= 0)
        {
            return false;
        }

        TimeSpan? parsed = span[unitStart..] switch
        {
            "ms" => TimeSpan.FromMilliseconds(number),
            "s" => TimeSpan.FromSeconds(number),
            "m" => TimeSpan.FromMinutes(number),
            "h" => TimeSpan.FromHours(number),
            "d" => TimeSpan.FromDays(number),
            _ => null,
        };

        value = parsed ?? default;
        return parsed is not null;
    }
}
