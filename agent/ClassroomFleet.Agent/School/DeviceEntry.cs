namespace ClassroomFleet.Agent.School;

/// <summary>One device the agent polls.</summary>
public sealed class DeviceEntry
{
    public string Id { get; set; } = "";

    public string Kind { get; set; } = "";

    public string? Room { get; set; }

    /// <summary>host:port (the port defaults per protocol).</summary>
    public string Address { get; set; } = "";

    /// <summary>Polling interval, e.g. <c>30s</c>, <c>5m</c>; the device profile's default when absent.</summary>
    public string? Interval { get; set; }

    public SnmpEntry? Snmp { get; set; }

    /// <summary>Interface names (ifName) of the school's uplinks on this switch: always polled per port.</summary>
    public List<string> Uplinks { get; set; } = [];

    /// <summary>The device profile (see Devices/Profiles); the kind's default profile when absent.</summary>
    public string? Profile { get; set; }

    public ProfileOverrides? Overrides { get; set; }

    /// <summary>Panels, projectors: PJLink settings; PJLink is polled when present.</summary>
    public PjLinkEntry? Pjlink { get; set; }

    /// <summary>Panels, recorders, PCs: ICMP echo reachability (on by default).</summary>
    public bool? Icmp { get; set; }

    /// <summary>Panels with a built-in PC, recorders: HOST-RESOURCES-MIB over SNMP.</summary>
    public HostResourcesEntry? HostResources { get; set; }

    public RtspEntry? Rtsp { get; set; }

    public OnvifEntry? Onvif { get; set; }

    /// <summary>
    /// A PC group (kind <c>pc</c>, <c>teacher_pc</c>, <c>student_pc</c>): the addresses pinged in one poll, each an IP or
    /// a last-octet range such as <c>10.3.2.11-70</c>. Without hosts the entry is one PC at <see cref="Address"/>.
    /// </summary>
    public List<string> Hosts { get; set; } = [];

    /// <summary>
    /// The registered MAC addresses of the device (panel, recorder) or of the PCs of a PC group. The switch poller gives
    /// the ports where they were learned series of their own. For a PC group with <see cref="Switch"/>, a PC counts as
    /// present when its MAC is in that switch's bridge forwarding or ARP table; <see cref="Hosts"/> are then pinged only
    /// as a fallback.
    /// </summary>
    public List<string> Macs { get; set; } = [];

    /// <summary>A PC group: the id of the switch (a device of this file) whose forwarding and ARP tables show its PCs.</summary>
    public string? Switch { get; set; }

    /// <summary>Kind <c>probe</c>: the active bandwidth test.</summary>
    public ProbeEntry? Probe { get; set; }
}
