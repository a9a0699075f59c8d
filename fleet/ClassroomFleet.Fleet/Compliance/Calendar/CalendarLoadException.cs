namespace ClassroomFleet.Fleet.Compliance.Calendar;

/// <summary>A calendar file that cannot be used; the message names the file and every bad entry.</summary>
public sealed class CalendarLoadException : Exception
{
    public CalendarLoadException()
    {
    }

    public CalendarLoadException(string message)
        : base(message)
    {
    }

    public CalendarLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
