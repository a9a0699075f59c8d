using System.Globalization;

namespace ClassroomFleet.Agent.Devices.Uplink;

/// <summary>
/// A time of the week when an active bandwidth test may run (outside lessons): days and a local time span, written
/// <c>mon-fri 12:10-13:50</c>, <c>sat,sun 09:00-17:00</c> or just <c>17:30-21:00</c> (every day). No window crosses midnight.
/// </summary>
public sealed record ProbeWindow(IReadOnlySet<DayOfWeek> Days, TimeOnly Start, TimeOnly End)
{
    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public TimeSpan Length => End - Start;

    public static bool TryParse(string text, out ProbeWindow window)
    {
        window = null!;
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2)
        {
            return false;
        }

        var days = new HashSet<DayOfWeek>();
        if (parts.Length == 1)
        {
            days.UnionWith(Enum.GetValues<DayOfWeek>());
        }
        else if (!TryParseDays(parts[0], days))
        {
            return false;
        }

        var span = parts[^1].Split('-');
        if (span.Length != 2
            || !TimeOnly.TryParseExact(span[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(span[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            || end <= start)
        {
            return false;
        }

        window = new ProbeWindow(days, start, end);
        return true;
    }

    private static bool TryParseDays(string text, HashSet<DayOfWeek> days)
    {
        foreach (var item in text.Split(','))
        {
            var range = item.Split('-');
            var first = Array.IndexOf(DayNames, range[0]);
            var last = range.Length == 2 ? Array.IndexOf(DayNames, range[1]) : first;
            if (range.Length > 2 || first < 0 || last < 0)
            {
                return false;
            }

            // Ranges run forward through the week and may wrap (fri-mon).
            for (var day = first; ; day = (day + 1) % 7)
            {
                days.Add((DayOfWeek)day);
                if (day == last)
                {
                    break;
                }
            }
        }

        return days.Count > 0;
    }
}
