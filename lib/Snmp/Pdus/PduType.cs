namespace ClassroomFleet.Snmp.Pdus;

/// <summary>PDU kinds; the value is the context-specific constructed identifier (RFC 3416 §3, RFC 1157 §4.1.6 for Trap).</summary>
#pragma warning disable CA1028 // The underlying type is byte because the values are BER identifier octets.
public enum PduType : byte
#pragma warning restore CA1028
{
    GetRequest = 0xA0,
    GetNextRequest = 0xA1,
    Response = 0xA2,
    SetRequest = 0xA3,
    TrapV1 = 0xA4,
    GetBulkRequest = 0xA5,
    InformRequest = 0xA6,
    TrapV2 = 0xA7,
    Report = 0xA8,
}
