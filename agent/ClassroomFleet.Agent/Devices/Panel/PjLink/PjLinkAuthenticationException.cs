namespace ClassroomFleet.Agent.Devices.Panel.PjLink;

/// <summary>
/// The device refused our digest (<c>PJLINK ERRA</c>), or asks for authentication while no credential is configured.
/// </summary>
public sealed class PjLinkAuthenticationException : PjLinkException
{
    public PjLinkAuthenticationException()
    {
    }

    public PjLinkAuthenticationException(string message)
        : base(message)
    {
    }

    public PjLinkAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
