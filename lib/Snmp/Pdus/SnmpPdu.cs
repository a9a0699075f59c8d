namespace ClassroomFleet.Snmp.Pdus;

/// <summary>A protocol data unit: either the common shape of RFC 3416 §3 (<see cref="Pdu"/>) or an SNMPv1 Trap (<see cref="TrapV1Pdu"/>).</summary>
public abstract record SnmpPdu(PduType Type, IReadOnlyList<Variable> Variables);
