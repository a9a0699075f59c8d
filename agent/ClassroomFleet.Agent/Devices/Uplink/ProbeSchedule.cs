using System.Text;

namespace ClassroomFleet.Agent.Devices.Uplink;

/// <summary>
/// When an active bandwidth test may start: inside one of the probe's windows (local time, outside lessons), and not
/// before the school's own offset into the window, so that the schools of a county do not all hit the measurement
/// server at the window's first minute. The offset is a stable hash of the school code, spread over <c>spread</c>.
/// </summary>
public static class ProbeSchedule
{
    public static bool IsDue(IReadOnlyList<ProbeWindow> windows, TimeSpan spread, string schoolCode, DateTimeOffset localNow, TimeSpan runLength)
    {
        var time = TimeOnly.FromDateTime(localNow.DateTime);
        foreach (var window in windows)
        {
            if (!window.Days.Contains(localNow.DayOfWeek) || time < window.Start || time >= window.End)
            {
                continue;
            }

            // The offset never pushes the start so late that the test would run past the window's end.
            var room = window.Length - runLength;
            var offset = room <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(Offset(schoolCode, spread).Ticks, room.Ticks));
            if (time >= window.Start.Add(offset) && time.Add(runLength) <= window.End)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>FNV-1a of the school code modulo the spread: the same school gets the same offset on every gateway and every run.</summary>
    public static TimeSpan Offset(string schoolCode, TimeSpan spread)
    {
        if (spread <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(schoolCode))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return TimeSpan.FromSeconds(hash % (ulong)Math.Max(1, (long)spread.TotalSeconds));
    }
}
