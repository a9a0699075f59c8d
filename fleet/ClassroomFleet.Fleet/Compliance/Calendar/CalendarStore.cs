namespace ClassroomFleet.Fleet.Compliance.Calendar;

/// <summary>The school calendars of a folder, by id.</summary>
public sealed class CalendarStore
{
    private readonly Dictionary<string, SchoolCalendar> _calendars;

    public CalendarStore(IEnumerable<SchoolCalendar> calendars) => _calendars = calendars.ToDictionary(c => c.Id, StringComparer.Ordinal);

    public static CalendarStore LoadDirectory(string directory) =>
        new(Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal).Select(CalendarLoader.LoadFile));

    public SchoolCalendar? Find(string id) => _calendars.GetValueOrDefault(id);
}
