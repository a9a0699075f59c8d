namespace ClassroomFleet.Agent.Devices.Panel.PjLink;

/// <summary>A reply that is not PJLink: wrong header, wrong command echo, too long, not ASCII, cut short.</summary>
public sealed class PjLinkProtocolException : PjLinkException
{
    public PjLinkProtocolException()
    {
    }

    public PjLinkProtocolException(string message)
        : base(message)
    {
    }

    public PjLinkProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
