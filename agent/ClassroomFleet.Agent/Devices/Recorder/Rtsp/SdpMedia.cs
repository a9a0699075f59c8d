namespace ClassroomFleet.Agent.Devices.Recorder.Rtsp;

/// <summary>One <c>m=</c> section of an SDP description: media type, port, transport, formats and the first rtpmap codec.</summary>
public sealed record SdpMedia(string Type, int Port, string Protocol, IReadOnlyList<string> Formats, string? Codec);
