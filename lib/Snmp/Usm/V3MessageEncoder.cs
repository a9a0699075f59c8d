using ClassroomFleet.Snmp.Ber;
using ClassroomFleet.Snmp.Pdus;

namespace ClassroomFleet.Snmp.Usm;

/// <summary>Builds an SNMPv3 message (RFC 3412 §6) with USM security parameters (RFC 3414 §2.4), encrypted and signed as the keys say.</summary>
internal static class V3MessageEncoder
{
    private const int UsmSecurityModel = 3;

    /// <param name="keys">The user's localised keys; null sends noAuthNoPriv with an empty user (engine discovery, RFC 3414 §4).</param>
    public static PooledDatagram Encode(
        int msgId,
        int maxSize,
        bool reportable,
        ReadOnlySpan<byte> engineId,
        int engineBoots,
        int engineTime,
        LocalizedKeys? keys,
        ReadOnlySpan<byte> contextEngineId,
        ReadOnlySpan<byte> contextName,
        SnmpPdu pdu)
    {
        var auth = keys is { Authenticates: true };
        var priv = keys is { Encrypts: true };
        var flags = (byte)((auth ? V3MessageFlags.Auth : 0) | (priv ? V3MessageFlags.Priv : 0) | (reportable ? V3MessageFlags.Reportable : 0));
        var digestLength = auth ? UsmHash.DigestLength(keys!.AuthProtocol) : 0;

        var scoped = new BerWriter(512);
        var writer = new BerWriter(640);
        try
        {
            var scopedMark = scoped.Written;
            PduCodec.Encode(ref scoped, pdu);
            scoped.WriteOctetString(contextName);
            scoped.WriteOctetString(contextEngineId);
            scoped.WriteConstructed(BerTag.Sequence, scopedMark);

            var messageMark = writer.Written;
            Span<byte> salt = stackalloc byte[UsmPrivacy.SaltLength];
            if (priv)
            {
                writer.WriteOctetString(UsmPrivacy.Encrypt(keys!, engineBoots, engineTime, scoped.WrittenSpan, salt));
            }
            else
            {
                writer.WriteBytes(scoped.WrittenSpan);
            }

            var securityMark = writer.Written;
            writer.WriteOctetString(priv ? salt : []);
            Span<byte> zeros = stackalloc byte[digestLength];
            zeros.Clear();
            writer.WriteBytes(zeros);
            var digestEnd = writer.Written;
            writer.WriteHeader(BerTag.OctetString, digestLength);
            writer.WriteOctetString(keys?.UserName ?? []);
            writer.WriteInteger(engineTime);
            writer.WriteInteger(engineBoots);
            writer.WriteOctetString(engineId);
            writer.WriteConstructed(BerTag.Sequence, securityMark);
            writer.WriteConstructed(BerTag.OctetString, securityMark);

            var headerMark = writer.Written;
            writer.WriteInteger(UsmSecurityModel);
            writer.WriteOctetString([flags]);
            writer.WriteInteger(maxSize);
            writer.WriteInteger(msgId);
            writer.WriteConstructed(BerTag.Sequence, headerMark);

            writer.WriteInteger((int)SnmpVersion.V3);
            writer.WriteConstructed(BerTag.Sequence, messageMark);

            var datagram = writer.Detach();
            if (auth)
            {
                Sign(keys!, datagram.WritableSpan, datagram.Length - digestEnd, digestLength);
            }

            return datagram;
        }
        finally
        {
            writer.Dispose();
            scoped.Dispose();
        }
    }

    /// <summary>RFC 3414 §6.3.1 / §7.3.1 / RFC 7860 §4.2.1: HMAC over the whole message with a zeroed digest field, truncated.</summary>
    public static void Sign(LocalizedKeys keys, Span<byte> message, int digestOffset, int digestLength)
    {
        Span<byte> mac = stackalloc byte[64];
        UsmHash.Hmac(keys.AuthProtocol, keys.AuthKey, message, mac);
        mac[..digestLength].CopyTo(message.Slice(digestOffset, digestLength));
    }
}
