namespace ClassroomFleet.Snmp;

/// <summary>What kind of notification arrived.</summary>
public enum NotificationKind
{
    /// <summary>SNMPv1 Trap-PDU (RFC 1157 §4.1.6).</summary>
    TrapV1,

    /// <summary>SNMPv2-Trap-PDU (RFC 3416 §4.2.6), v2c or v3.</summary>
    Trap,

    /// <summary>InformRequest-PDU (RFC 3416 §4.2.7); acknowledged once it is queued for the reader.</summary>
    Inform,
}
