namespace ClassroomFleet.Fleet.Compliance;

/// <summary>An audit request naming an unknown county, pack or calendar; the message says which.</summary>
public sealed class ComplianceRequestException : Exception
{
    public ComplianceRequestException()
    {
    }

    public ComplianceRequestException(string message)
        : base(message)
    {
    }

    public ComplianceRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
