using System.Globalization;
using ClassroomFleet.Fleet.Compliance.Calendar;

namespace ClassroomFleet.Fleet.Compliance;

/// <summary>
/// The instant an audit is evaluated at: a date means the end of that day in Asia/Shanghai (23:59:59, as deadlines are
/// read), a full ISO 8601 timestamp means itself, nothing means now.
/// </summary>
public static class AuditInstant
{
    public static bool TryParse(string? text, TimeProvider time, out DateTimeOffset instant)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            instant = time.GetUtcNow();
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            instant = ChinaTime.EndOf(date);
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
    }
}
