namespace ClassroomFleet.Agent.Devices.Switch;

/// <summary>The numeric OIDs the switch poller reads (SNMPv2-MIB, IF-MIB RFC 2863); no MIB files are parsed at run time.</summary>
internal static class IfMib
{
    public const string SysUpTime = "1.3.6.1.2.1.1.3.0";
    public const string IfOperStatus = "1.3.6.1.2.1.2.2.1.8";
    public const string IfInErrors = "1.3.6.1.2.1.2.2.1.14";
    public const string IfOutErrors = "1.3.6.1.2.1.2.2.1.20";
    public const string IfName = "1.3.6.1.2.1.31.1.1.1.1";
    public const string IfHcInOctets = "1.3.6.1.2.1.31.1.1.1.6";
    public const string IfHcOutOctets = "1.3.6.1.2.1.31.1.1.1.10";
    public const string IfHighSpeed = "1.3.6.1.2.1.31.1.1.1.15";
    public const string IfAlias = "1.3.6.1.2.1.31.1.1.1.18";
    public const string IfCounterDiscontinuityTime = "1.3.6.1.2.1.31.1.1.1.19";

    /// <summary>ifOperStatus up(1).</summary>
    public const long OperStatusUp = 1;
}
