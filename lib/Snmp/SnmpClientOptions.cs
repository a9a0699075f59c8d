namespace ClassroomFleet.Snmp;

/// <summary>Settings of one <see cref="SnmpClient"/> (configuration section "Snmp:Client").</summary>
public sealed class SnmpClientOptions
{
    public const string SectionName = "Snmp:Client";
    public const string DefaultLocalEndPoint = "0.0.0.0:0";
    public const int DefaultSocketBufferBytes = 4 * 1024 * 1024;
    public const int DefaultMaxOutstandingPerAgent = 8;

    /// <summary>Where the client's single UDP socket binds; port 0 picks a free one. Its address family decides which agents it can reach.</summary>
    public string LocalEndPoint { get; set; } = DefaultLocalEndPoint;

    /// <summary>Kernel send and receive buffer sizes; large so that thousands of outstanding answers are not dropped.</summary>
    public int SocketBufferBytes { get; set; } = DefaultSocketBufferBytes;

    /// <summary>
    /// Requests in flight to one agent at a time; more wait for a slot (within their budget). Switch agents are weak and
    /// drop bursts; thousands may still be outstanding across many agents on the one socket.
    /// </summary>
    public int MaxOutstandingPerAgent { get; set; } = DefaultMaxOutstandingPerAgent;
}
