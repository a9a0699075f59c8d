namespace ClassroomFleet.Agent.School;

/// <summary>The ONVIF device service of a recorder (HTTP port 80 and <c>/onvif/device_service</c> by default).</summary>
public sealed class OnvifEntry
{
    public int? Port { get; set; }

    public string Path { get; set; } = "/onvif/device_service";

    public string? Credential { get; set; }
}
