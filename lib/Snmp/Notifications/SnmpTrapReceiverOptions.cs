namespace ClassroomFleet.Snmp;

/// <summary>Settings of an <see cref="SnmpTrapReceiver"/> (configuration section "Snmp:Traps").</summary>
public sealed class SnmpTrapReceiverOptions
{
    public const string SectionName = "Snmp:Traps";
    public const int DefaultQueueCapacity = 10_000;

    /// <summary>Where to listen, e.g. "0.0.0.0:16162" (162 needs root; use a high port and a NAT rule instead).</summary>
    public string ListenEndPoint { get; set; } = "0.0.0.0:16162";

    /// <summary>v1/v2c communities accepted; notifications with any other community are dropped and counted.</summary>
    public IList<string> Communities { get; } = [];

    /// <summary>SNMPv3 users accepted, for traps (keys localised to the sender's engine ID) and informs (localised to ours).</summary>
    public IList<UsmCredentials> Users { get; } = [];

    /// <summary>Our snmpEngineID as hex (5 to 32 octets, RFC 3411 §5); empty to generate one per start.</summary>
    public string EngineId { get; set; } = string.Empty;

    /// <summary>snmpEngineBoots to announce; raise it on each restart if the engine ID is fixed (RFC 3414 §2.2.2).</summary>
    public int EngineBoots { get; set; } = 1;

    /// <summary>Notifications waiting to be read; when full the newest is dropped and counted.</summary>
    public int QueueCapacity { get; set; } = DefaultQueueCapacity;
}
