namespace ClassroomFleet.Agent.Devices.Recorder.Onvif;

/// <summary>An ONVIF call failed: transport error, SOAP fault, or a response that is not the expected SOAP.</summary>
public class OnvifException : Exception
{
    public OnvifException()
    {
    }

    public OnvifException(string message)
        : base(message)
    {
    }

    public OnvifException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
