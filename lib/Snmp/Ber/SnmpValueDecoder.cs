namespace ClassroomFleet.Snmp.Ber;

/// <summary>Turns one BER TLV into its <see cref="SnmpValue"/> through a single switch on the identifier octet.</summary>
internal static class SnmpValueDecoder
{
    public static SnmpValue Decode(ref BerReader reader)
    {
        var contents = reader.ReadAnyTlv(out var tag);
        return tag switch
        {
            BerTag.Integer => new Integer32(BerReader.DecodeInt32(contents)),
            BerTag.OctetString => new OctetString(contents.ToArray()),
            BerTag.Null => ExpectEmpty(contents, NullValue.Instance),
            BerTag.ObjectIdentifier => new ObjectIdentifier(BerReader.DecodeOid(contents)),
            BerTag.IpAddress => new IpAddress(BerReader.DecodeIpAddress(contents)),
            BerTag.Counter32 => new Counter32((uint)BerReader.DecodeUnsigned(contents, 4)),
            BerTag.Gauge32 => new Gauge32((uint)BerReader.DecodeUnsigned(contents, 4)),
            BerTag.TimeTicks => new TimeTicks((uint)BerReader.DecodeUnsigned(contents, 4)),
            BerTag.Opaque => new Opaque(contents.ToArray()),
            BerTag.Counter64 => new Counter64(BerReader.DecodeUnsigned(contents, 8)),
            BerTag.NoSuchObject => ExpectEmpty(contents, NoSuchObject.Instance),
            BerTag.NoSuchInstance => ExpectEmpty(contents, NoSuchInstance.Instance),
            BerTag.EndOfMibView => ExpectEmpty(contents, EndOfMibView.Instance),
            _ => throw new SnmpDecodeException($"Unknown SNMP value type 0x{tag:X2}."),
        };
    }

    private static SnmpValue ExpectEmpty(ReadOnlySpan<byte> contents, SnmpValue value) =>
        contents.IsEmpty ? value : throw new SnmpDecodeException($"{value.Type} must have no content octets; found {contents.Length}.");
}
