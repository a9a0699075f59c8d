namespace ClassroomFleet.Agent.Devices.Recorder.Onvif;

/// <summary>A response that is not well-formed SOAP 1.2, or lacks the elements the call must return.</summary>
public sealed class OnvifProtocolException : OnvifException
{
    public OnvifProtocolException()
    {
    }

    public OnvifProtocolException(string message)
        : base(message)
    {
    }

    public OnvifProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
