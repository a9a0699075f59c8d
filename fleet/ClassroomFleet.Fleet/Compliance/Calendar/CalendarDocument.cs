namespace ClassroomFleet.Fleet.Compliance.Calendar;

/// <summary>The YAML shape of a school calendar file (schema classroomfleet.calendar/v1).</summary>
public sealed class CalendarDocument
{
    public string? Schema { get; set; }

    public string? Id { get; set; }

    public string? Title { get; set; }

    public string? Timezone { get; set; }

    public CalendarEntryDocument? Coverage { get; set; }

    public List<CalendarEntryDocument> Terms { get; set; } = [];

    public List<CalendarEntryDocument> Holidays { get; set; } = [];

    public List<CalendarEntryDocument> MakeupDays { get; set; } = [];

    public List<CalendarEntryDocument> ExamDays { get; set; } = [];
}

/// <summary>One dated entry; <c>date</c> is shorthand for a one-day span.</summary>
public sealed class CalendarEntryDocument
{
    public string? Name { get; set; }

    public string? Date { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public bool Verified { get; set; }

    public string? Source { get; set; }

    public string? Note { get; set; }
}
