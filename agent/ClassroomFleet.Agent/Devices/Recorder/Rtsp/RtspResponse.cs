namespace ClassroomFleet.Agent.Devices.Recorder.Rtsp;

/// <summary>An RTSP response: status, headers (names case-insensitive) and body.</summary>
public sealed record RtspResponse(int StatusCode, string ReasonPhrase, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
