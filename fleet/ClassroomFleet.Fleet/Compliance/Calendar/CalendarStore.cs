namespace ClassroomFleet.Fleet.Compliance.Calendar;

/// <summary>
/// The school calendars of a folder, by id. Files sharing an id are consecutive school years of one calendar
/// (cn-henan-2025-2026.yaml and cn-henan-2026-2027.yaml are both <c>cn-henan</c>) and are joined.
/// </summary>
public sealed class CalendarStore
{
    private readonly Dictionary<string, SchoolCalendar> _calendars;

    public CalendarStore(IEnumerable<SchoolCalendar> calendars) =>
        _calendars = calendars.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => SchoolCalendar.Join([.. g]), StringComparer.Ordinal);

    /// <exception cref="CalendarLoadException">A file is invalid, or two years of one calendar overlap.</exception>
    public static CalendarStore LoadDirectory(string directory) =>
        new(Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal).Select(CalendarLoader.LoadFile));

    public IReadOnlyCollection<string> Ids => _calendars.Keys;

    public SchoolCalendar? Find(string id) => _calendars.GetValueOrDefault(id);
}
