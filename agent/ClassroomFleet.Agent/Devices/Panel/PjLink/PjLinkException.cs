namespace ClassroomFleet.Agent.Devices.Panel.PjLink;

/// <summary>A PJLink exchange failed: the device answered something the protocol does not allow, or not at all.</summary>
public class PjLinkException : Exception
{
    public PjLinkException()
    {
    }

    public PjLinkException(string message)
        : base(message)
    {
    }

    public PjLinkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
