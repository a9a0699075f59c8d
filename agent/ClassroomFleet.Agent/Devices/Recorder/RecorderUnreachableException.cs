namespace ClassroomFleet.Agent.Devices.Recorder;

/// <summary>Neither RTSP nor ONVIF answered; the message lists each protocol's failure.</summary>
public sealed class RecorderUnreachableException : Exception
{
    public RecorderUnreachableException()
    {
    }

    public RecorderUnreachableException(string message)
        : base(message)
    {
    }

    public RecorderUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
