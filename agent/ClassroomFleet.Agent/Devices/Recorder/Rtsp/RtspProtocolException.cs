namespace ClassroomFleet.Agent.Devices.Recorder.Rtsp;

/// <summary>A malformed RTSP response or SDP body (RFC 2326 §7, RFC 4566 §5).</summary>
public sealed class RtspProtocolException : RtspException
{
    public RtspProtocolException()
    {
    }

    public RtspProtocolException(string message)
        : base(message)
    {
    }

    public RtspProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
