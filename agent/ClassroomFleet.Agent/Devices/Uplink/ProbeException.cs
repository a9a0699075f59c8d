namespace ClassroomFleet.Agent.Devices.Uplink;

/// <summary>An active bandwidth test that could not be run or completed (refused, failed, malformed answer).</summary>
public sealed class ProbeException : Exception
{
    public ProbeException()
    {
    }

    public ProbeException(string message)
        : base(message)
    {
    }

    public ProbeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
