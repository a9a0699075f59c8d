namespace ClassroomFleet.Snmp;

/// <summary>The SNMPv3 security level (RFC 3411 §3.4.3).</summary>
public enum SecurityLevel
{
    NoAuthNoPriv,
    AuthNoPriv,
    AuthPriv,
}
