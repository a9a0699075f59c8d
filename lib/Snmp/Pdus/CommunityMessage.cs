namespace ClassroomFleet.Snmp.Pdus;

/// <summary>An SNMPv1 (RFC 1157 §4) or SNMPv2c (RFC 1901 §3) message: version, community, PDU.</summary>
public sealed record CommunityMessage(SnmpVersion Version, ReadOnlyMemory<byte> Community, SnmpPdu Pdu);
