namespace ClassroomFleet.Fleet.Compliance.Calendar;

/// <summary>A dated span in a calendar (a term, a holiday, an exam period) with whether it was checked against its source.</summary>
public sealed record CalendarEntry(string Name, DateOnly From, DateOnly To, bool Verified, string Source)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;
}
