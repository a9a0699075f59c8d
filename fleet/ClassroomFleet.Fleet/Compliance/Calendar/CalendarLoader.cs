using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace ClassroomFleet.Fleet.Compliance.Calendar;

/// <summary>Reads and checks a school calendar YAML file.</summary>
public static class CalendarLoader
{
    public const string Schema = "classroomfleet.calendar/v1";

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static SchoolCalendar LoadFile(string path) => Parse(File.ReadAllText(path), Path.GetFileName(path));

    public static SchoolCalendar Parse(string yaml, string fileName)
    {
        CalendarDocument document;
        try
        {
            document = Deserializer.Deserialize<CalendarDocument>(yaml) ?? new CalendarDocument();
        }
        catch (YamlException e)
        {
            throw new CalendarLoadException($"{fileName}:{e.Start.Line}:{e.Start.Column}: {e.InnerException?.Message ?? e.Message}", e);
        }

        var errors = new List<string>();
        if (document.Schema != Schema)
        {
            errors.Add($"schema must be {Schema}");
        }

        if (string.IsNullOrWhiteSpace(document.Id))
        {
            errors.Add("id is required");
        }

        if (document.Timezone is not (null or "Asia/Shanghai"))
        {
            errors.Add("timezone must be Asia/Shanghai");
        }

        var coverage = document.Coverage is null ? null : Entry(document.Coverage, "coverage", errors);
        if (document.Coverage is null)
        {
            errors.Add("coverage is required");
        }

        var terms = Entries(document.Terms, "terms", errors);
        var holidays = Entries(document.Holidays, "holidays", errors);
        var makeup = Entries(document.MakeupDays, "makeup_days", errors);
        var exams = Entries(document.ExamDays, "exam_days", errors);
        foreach (var day in makeup.Where(m => m.From != m.To || m.From.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
        {
            errors.Add($"makeup_days '{day.Name}' {day.From:yyyy-MM-dd}: a make-up working day is a single Saturday or Sunday");
        }

        if (errors.Count > 0 || coverage is null)
        {
            throw new CalendarLoadException($"{fileName}: {string.Join("; ", errors)}");
        }

        return new SchoolCalendar(document.Id!, coverage, terms, holidays, makeup, exams, document.Title);
    }

    private static List<CalendarEntry> Entries(List<CalendarEntryDocument> documents, string section, List<string> errors)
    {
        var entries = new List<CalendarEntry>(documents.Count);
        for (var i = 0; i < documents.Count; i++)
        {
            if (Entry(documents[i], $"{section}[{i}]", errors) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static CalendarEntry? Entry(CalendarEntryDocument document, string key, List<string> errors)
    {
        var fromText = document.Date ?? document.From;
        var toText = document.Date ?? document.To;
        if (!TryDate(fromText, out var from) || !TryDate(toText, out var to) || to < from)
        {
            errors.Add($"{key}: needs date, or from and to (yyyy-MM-dd, from <= to)");
            return null;
        }

        return new CalendarEntry(document.Name ?? key, from, to, document.Verified, document.Source ?? "");
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
