namespace ClassroomFleet.Snmp;

/// <summary>The SNMP message version; the wire values are 0, 1 and 3 (RFC 1157, RFC 1901, RFC 3412).</summary>
public enum SnmpVersion
{
    V1 = 0,
    V2c = 1,
    V3 = 3,
}
