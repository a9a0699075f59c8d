namespace ClassroomFleet.Snmp.Pdus;

/// <summary>The SNMPv1 Trap-PDU (RFC 1157 §4.1.6).</summary>
public sealed record TrapV1Pdu(
    Oid Enterprise,
    uint AgentAddress,
    int GenericTrap,
    int SpecificTrap,
    uint TimeStamp,
    IReadOnlyList<Variable> Variables)
    : SnmpPdu(PduType.TrapV1, Variables);
