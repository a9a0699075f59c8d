namespace ClassroomFleet.Agent.Devices.Recorder.Rtsp;

/// <summary>An RTSP exchange failed: no connection, no answer in time, or an answer that is not RTSP/SDP.</summary>
public class RtspException : Exception
{
    public RtspException()
    {
    }

    public RtspException(string message)
        : base(message)
    {
    }

    public RtspException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
