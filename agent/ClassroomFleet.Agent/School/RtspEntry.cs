namespace ClassroomFleet.Agent.School;

/// <summary>The live stream of a recorder: RTSP path (and port, 554 by default), optional credential by name.</summary>
public sealed class RtspEntry
{
    public int? Port { get; set; }

    public string Path { get; set; } = "/";

    public string? Credential { get; set; }
}
