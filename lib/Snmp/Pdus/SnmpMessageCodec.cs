using ClassroomFleet.Snmp.Ber;

namespace ClassroomFleet.Snmp.Pdus;

/// <summary>The outer message envelope shared by all versions: SEQUENCE { version INTEGER, ... }.</summary>
internal static class SnmpMessageCodec
{
    /// <summary>RFC 3416 §3 defines no Trap-PDU for SNMPv2; the v1 Trap travels only in SNMPv1 messages (RFC 3584 §2.1).</summary>
    public const string V1TrapOutsideV1 = "An SNMPv1 Trap-PDU is only valid in an SNMPv1 message (RFC 3416 §3, RFC 3584 §2.1).";

    /// <summary>Reads the version field, the first thing every SNMP message carries.</summary>
    public static SnmpVersion PeekVersion(ReadOnlySpan<byte> datagram)
    {
        var outer = new BerReader(datagram);
        var message = outer.ReadSequence();
        var version = message.ReadInt32();
        return version switch
        {
            0 => SnmpVersion.V1,
            1 => SnmpVersion.V2c,
            3 => SnmpVersion.V3,
            _ => throw new SnmpDecodeException($"Unknown SNMP version {version}."),
        };
    }

    public static PooledDatagram EncodeCommunity(SnmpVersion version, ReadOnlySpan<byte> community, SnmpPdu pdu)
    {
        var writer = new BerWriter(512);
        try
        {
            var mark = writer.Written;
            PduCodec.Encode(ref writer, pdu);
            writer.WriteOctetString(community);
            writer.WriteInteger((int)version);
            writer.WriteConstructed(BerTag.Sequence, mark);
            return writer.Detach();
        }
        finally
        {
            writer.Dispose();
        }
    }

    public static CommunityMessage DecodeCommunity(ReadOnlySpan<byte> datagram)
    {
        var outer = new BerReader(datagram);
        var message = outer.ReadSequence();
        if (outer.HasMore)
        {
            throw new SnmpDecodeException("Trailing bytes after the SNMP message.");
        }

        var version = message.ReadInt32() switch
        {
            0 => SnmpVersion.V1,
            1 => SnmpVersion.V2c,
            var other => throw new SnmpDecodeException($"Version {other} is not a community-based SNMP version."),
        };
        var community = message.ReadOctetString().ToArray();
        var pdu = PduCodec.Decode(ref message);
        if (message.HasMore)
        {
            throw new SnmpDecodeException("Trailing bytes after the PDU.");
        }

        if (version == SnmpVersion.V1 && pdu.Type is PduType.GetBulkRequest or PduType.InformRequest or PduType.TrapV2 or PduType.Report)
        {
            throw new SnmpDecodeException($"{pdu.Type} does not exist in SNMPv1.");
        }

        if (version == SnmpVersion.V2c && pdu.Type == PduType.TrapV1)
        {
            throw new SnmpDecodeException(V1TrapOutsideV1);
        }

        return new CommunityMessage(version, community, pdu);
    }
}
