namespace ClassroomFleet.Agent.Devices.Recorder.Onvif;

/// <summary>The device refused the WS-UsernameToken (fault ter:NotAuthorized, or HTTP 401).</summary>
public sealed class OnvifAuthenticationException : OnvifException
{
    public OnvifAuthenticationException()
    {
    }

    public OnvifAuthenticationException(string message)
        : base(message)
    {
    }

    public OnvifAuthenticationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
