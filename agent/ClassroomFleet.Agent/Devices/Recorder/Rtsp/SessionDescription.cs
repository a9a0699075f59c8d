namespace ClassroomFleet.Agent.Devices.Recorder.Rtsp;

/// <summary>The parts of an SDP description (RFC 4566) that tell whether a live stream is offered.</summary>
public sealed record SessionDescription(string SessionName, IReadOnlyList<SdpMedia> Media)
{
    /// <summary>A stream is live when the description offers at least one video or audio media section.</summary>
    public bool HasLiveStream => Media.Any(m => m.Type is "video" or "audio");
}
