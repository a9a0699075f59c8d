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
}
