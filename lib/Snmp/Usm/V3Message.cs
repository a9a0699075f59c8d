using System.Security.Cryptography;
using ClassroomFleet.Snmp.Ber;
using ClassroomFleet.Snmp.Pdus;

namespace ClassroomFleet.Snmp.Usm;

/// <summary>A received SNMPv3 message with its header and USM parameters read; the scopedPDU stays as bytes until keys are known.</summary>
internal sealed class V3Message
{
    private const int UsmSecurityModel = 3;

    private readonly byte[] _datagram;
    private readonly int _digestOffset;
    private readonly int _scopedOffset;
    private readonly int _scopedLength;

    private V3Message(byte[] datagram, int msgId, int maxSize, byte flags, UsmSecurityParameters security, int digestOffset, int scopedOffset, int scopedLength)
    {
        _datagram = datagram;
        MsgId = msgId;
        MaxSize = maxSize;
        Flags = flags;
        Security = security;
        _digestOffset = digestOffset;
        _scopedOffset = scopedOffset;
        _scopedLength = scopedLength;
    }

    public int MsgId { get; }

    public int MaxSize { get; }

    public byte Flags { get; }

    public UsmSecurityParameters Security { get; }

    public bool IsAuthenticated => (Flags & V3MessageFlags.Auth) != 0;

    public bool IsEncrypted => (Flags & V3MessageFlags.Priv) != 0;

    public bool IsReportable => (Flags & V3MessageFlags.Reportable) != 0;

    public static V3Message Parse(byte[] datagram)
    {
        var outer = new BerReader(datagram);
        var message = outer.ReadSequence();
        if (outer.HasMore)
        {
            throw new SnmpDecodeException("Trailing bytes after the SNMPv3 message.");
        }

        if (message.ReadInt32() != (int)SnmpVersion.V3)
        {
            throw new SnmpDecodeException("Not an SNMPv3 message.");
        }

        var header = message.ReadSequence();
        var msgId = header.ReadInt32();
        var maxSize = header.ReadInt32();
        var flagOctets = header.ReadOctetString();
        var model = header.ReadInt32();
        if (msgId < 0 || maxSize < 484 || flagOctets.Length != 1 || header.HasMore)
        {
            // RFC 3412 §6: msgID 0..2^31-1, msgMaxSize 484..2^31-1, msgFlags one octet.
            throw new SnmpDecodeException("Malformed SNMPv3 header (msgID, msgMaxSize or msgFlags out of range).");
        }

        var flags = flagOctets[0];
        if ((flags & (V3MessageFlags.Auth | V3MessageFlags.Priv)) == V3MessageFlags.Priv)
        {
            throw new SnmpDecodeException("msgFlags asks for privacy without authentication (RFC 3412 §7.2 step 5).");
        }

        if (model != UsmSecurityModel)
        {
            throw new SnmpDecodeException($"Security model {model} is not USM (3).");
        }

        var usm = new BerReader(message.ReadTlv(BerTag.OctetString, out var usmOffset));
        var parameters = usm.ReadSequence();
        if (usm.HasMore)
        {
            throw new SnmpDecodeException("Trailing bytes after UsmSecurityParameters.");
        }

        var engineId = parameters.ReadOctetString().ToArray();
        var boots = parameters.ReadInt32();
        var time = parameters.ReadInt32();
        var userName = parameters.ReadOctetString().ToArray();
        var digest = parameters.ReadTlv(BerTag.OctetString, out var digestOffset);
        var salt = parameters.ReadOctetString().ToArray();
        if (parameters.HasMore || engineId.Length > 32 || userName.Length > 32 || boots < 0 || time < 0)
        {
            // RFC 3414 §2.4: engineID up to 32 octets, user name up to 32, boots and time 0..2^31-1.
            throw new SnmpDecodeException("UsmSecurityParameters out of range.");
        }

        var security = new UsmSecurityParameters(engineId, boots, time, userName, digest.ToArray(), salt);
        int scopedOffset;
        int scopedLength;
        if ((flags & V3MessageFlags.Priv) != 0)
        {
            var encrypted = message.ReadTlv(BerTag.OctetString, out scopedOffset);
            scopedLength = encrypted.Length;
        }
        else
        {
            scopedOffset = message.AbsolutePosition;
            scopedLength = message.Remaining;
            message.ReadSequence();
        }

        if (message.HasMore)
        {
            throw new SnmpDecodeException("Trailing bytes after the scopedPDU.");
        }

        return new V3Message(datagram, msgId, maxSize, flags, security, usmOffset + digestOffset, scopedOffset, scopedLength);
    }

    /// <summary>RFC 3414 §6.3.2 / §7.3.2: recompute the HMAC with the digest field zeroed and compare in constant time.</summary>
    public bool VerifyDigest(LocalizedKeys keys)
    {
        var length = UsmHash.DigestLength(keys.AuthProtocol);
        if (Security.AuthenticationParameters.Length != length)
        {
            return false;
        }

        var copy = (byte[])_datagram.Clone();
        copy.AsSpan(_digestOffset, length).Clear();
        V3MessageEncoder.Sign(keys, copy, _digestOffset, length);
        return CryptographicOperations.FixedTimeEquals(copy.AsSpan(_digestOffset, length), Security.AuthenticationParameters);
    }

    /// <summary>Decrypts (when encrypted) and decodes the scopedPDU.</summary>
    public ScopedPdu DecodeScopedPdu(LocalizedKeys? keys)
    {
        ReadOnlySpan<byte> plain = _datagram.AsSpan(_scopedOffset, _scopedLength);
        if (IsEncrypted)
        {
            if (keys is not { Encrypts: true })
            {
                throw new SnmpDecodeException("The scopedPDU is encrypted but no privacy key is known for this user.");
            }

            plain = UsmPrivacy.Decrypt(keys, Security.EngineBoots, Security.EngineTime, plain, Security.PrivacyParameters);
        }

        var reader = new BerReader(plain);
        var scoped = reader.ReadSequence();
        // Decrypted DES data carries up to 7 padding octets after the sequence (RFC 3414 §8.1.1.2), so trailing bytes are allowed only then.
        if (reader.HasMore && !IsEncrypted)
        {
            throw new SnmpDecodeException("Trailing bytes after the scopedPDU.");
        }

        var contextEngineId = scoped.ReadOctetString().ToArray();
        var contextName = scoped.ReadOctetString().ToArray();
        var pdu = PduCodec.Decode(ref scoped);
        if (pdu.Type == PduType.TrapV1)
        {
            throw new SnmpDecodeException(SnmpMessageCodec.V1TrapOutsideV1);
        }

        return scoped.HasMore
            ? throw new SnmpDecodeException("Trailing bytes after the PDU.")
            : new ScopedPdu(contextEngineId, contextName, pdu);
    }
}
