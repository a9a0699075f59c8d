namespace ClassroomFleet.Agent.Devices.Recorder.Rtsp;

/// <summary>The outcome of DESCRIBE: the final status and, for 200, the parsed SDP.</summary>
public sealed record RtspDescribeResult(int StatusCode, string ReasonPhrase, SessionDescription? Description)
{
    public bool HasLiveStream => Description?.HasLiveStream == true;
}
