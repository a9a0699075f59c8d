namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>A county facts file that cannot be used; the message names the file, site and field.</summary>
public sealed class CountyFactsLoadException : Exception
{
    public CountyFactsLoadException()
    {
    }

    public CountyFactsLoadException(string message)
        : base(message)
    {
    }

    public CountyFactsLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
