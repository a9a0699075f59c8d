using ClassroomFleet.Snmp.Pdus;

namespace ClassroomFleet.Snmp.Usm;

/// <summary>ScopedPDU (RFC 3412 §6): the PDU with the context it applies to.</summary>
internal sealed record ScopedPdu(byte[] ContextEngineId, byte[] ContextName, SnmpPdu Pdu);
