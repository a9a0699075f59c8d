using System.Net;
using ClassroomFleet.Snmp.Ber;
using ClassroomFleet.Snmp.Pdus;
using ClassroomFleet.Snmp.Tests.Support;

namespace ClassroomFleet.Snmp.Tests.Ber;

public sealed class BerCodecTests
{
    public static TheoryData<SnmpValue> Values => new()
    {
        new Integer32(0),
        new Integer32(int.MinValue),
        new Integer32(int.MaxValue),
        new Integer32(-129),
        new Integer32(128),
        new OctetString(ReadOnlyMemory<byte>.Empty),
        new OctetString("Gi1/0/1"),
        new OctetString(new byte[300]),
        NullValue.Instance,
        new ObjectIdentifier(Oid.Parse("1.3.6.1.4.1.4294967295.0.127.128.16383.16384")),
        new ObjectIdentifier(Oid.Parse("2.999.3")),
        new IpAddress(IPAddress.Parse("192.168.10.254")),
        new Counter32(uint.MaxValue),
        new Counter32(0x80),
        new Gauge32(1_000_000_000),
        new TimeTicks(8_640_000),
        new Opaque(new byte[] { 0x9F, 0x78, 0x04, 0x42, 0xF6, 0x00, 0x00 }),
        new Counter64(ulong.MaxValue),
        new Counter64(0x8000_0000_0000_0000),
        NoSuchObject.Instance,
        NoSuchInstance.Instance,
        EndOfMibView.Instance,
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Encode_Then_Decode_Preserves_Every_Value_Type(SnmpValue value)
    {
        var pdu = new Pdu(PduType.Response, 123456, ErrorStatus.NoError, 0, [new Variable(Oid.Parse("1.3.6.1.2.1.1.1.0"), value)]);

        using var datagram = SnmpMessageCodec.EncodeCommunity(SnmpVersion.V2c, "public"u8, pdu);
        var decoded = SnmpMessageCodec.DecodeCommunity(datagram.Span);

        var result = Assert.IsType<Pdu>(decoded.Pdu);
        Assert.Equal(123456, result.RequestId);
        Assert.Equal(value, result.Variables[0].Value);
        Assert.Equal(value.Type, result.Variables[0].Value.Type);
    }

    [Fact]
    public void V1_Trap_Round_Trips_All_Fields()
    {
        var trap = new TrapV1Pdu(Oid.Parse("1.3.6.1.4.1.8072.2.3"), 0x7F000001, 6, 17, 4242, [new Variable(Oid.Parse("1.3.6.1.2.1.1.5.0"), new OctetString("x"))]);

        using var datagram = SnmpMessageCodec.EncodeCommunity(SnmpVersion.V1, "public"u8, trap);

        Assert.Equal(trap with { Variables = [] }, SnmpMessageCodec.DecodeCommunity(datagram.Span).Pdu with { Variables = [] });
    }

    [Fact]
    public void Reencoding_Captured_Community_Messages_Reproduces_NetSnmps_Bytes()
    {
        var checkedCount = 0;
        foreach (var (name, bytes) in Captures.Load())
        {
            if (SnmpMessageCodec.PeekVersion(bytes) == SnmpVersion.V3)
            {
                continue;
            }

            var message = SnmpMessageCodec.DecodeCommunity(bytes);
            using var again = SnmpMessageCodec.EncodeCommunity(message.Version, message.Community.Span, message.Pdu);

            Assert.True(bytes.AsSpan().SequenceEqual(again.Span), $"{name}: {Convert.ToHexString(bytes)} vs {Convert.ToHexString(again.Span)}");
            checkedCount++;
        }

        Assert.True(checkedCount >= 14);
    }

    [Theory]
    [InlineData("3080020101", "Indefinite")]
    [InlineData("30050201", "exceeds")]
    [InlineData("3085FFFFFFFFFF", "octets")]
    public void Malformed_Framing_Is_A_Decode_Error(string hex, string reason)
    {
        var error = Assert.Throws<SnmpDecodeException>(() => SnmpMessageCodec.DecodeCommunity(Convert.FromHexString(hex)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("06062B9FFFFFFF7F", "2^32-1")] // 2^33-1 // sub-identifier 2^35-1
    [InlineData("06022B86", "ends inside")]
    [InlineData("06032B8001", "redundant")]
    [InlineData("0600", "no content")]
    [InlineData("06059080808000", "2^32-1")] // the packed first sub-identifier 80+Y is 2^32: arc 2.(2^32-80) does not fit
    public void Bad_Object_Identifiers_Are_Decode_Errors(string hex, string reason)
    {
        var error = Assert.Throws<SnmpDecodeException>(() =>
        {
            var reader = new BerReader(Convert.FromHexString(hex));
            reader.ReadOid();
        });
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Largest_SubIdentifier_2_Pow_32_Minus_1_Is_Accepted() =>
        Assert.Equal(Oid.Parse("1.3.4294967295"), new BerReader(Convert.FromHexString("06062B8FFFFFFF7F")).ReadOid());

    [Fact]
    public void An_Oid_Of_129_SubIdentifiers_Is_A_Decode_Error()
    {
        var contents = Enumerable.Repeat((byte)1, 128).ToArray();
        byte[] tlv = [0x06, 0x81, 128, .. contents];

        Assert.Throws<SnmpDecodeException>(() => new BerReader(tlv).ReadOid());
    }

    [Theory]
    [InlineData("020500FFFFFFFF", false)] // 2^32-1 does not fit Integer32
    [InlineData("0205008000000000", false)]
    [InlineData("0204FFFFFFFF", true)] // -1
    [InlineData("0200", false)]
    public void Integer32_Range_Is_Enforced(string hex, bool valid)
    {
        var action = () => new BerReader(Convert.FromHexString(hex)).ReadInt32();

        if (valid)
        {
            action();
        }
        else
        {
            Assert.Throws<SnmpDecodeException>(() => action());
        }
    }

    [Fact]
    public void Unsigned_Types_Accept_A_Missing_Leading_Zero_As_NetSnmp_Does()
    {
        Assert.Equal(0xFFFFFFFFUL, BerReader.DecodeUnsigned([0xFF, 0xFF, 0xFF, 0xFF], 4));
        Assert.Equal(0xFFFFFFFFUL, BerReader.DecodeUnsigned([0x00, 0xFF, 0xFF, 0xFF, 0xFF], 4));
        Assert.Throws<SnmpDecodeException>(() => BerReader.DecodeUnsigned([0x01, 0xFF, 0xFF, 0xFF, 0xFF], 4));
    }

    [Fact]
    public void A_V1_Trap_Pdu_Inside_A_V2c_Message_Is_A_Decode_Error()
    {
        var error = Assert.Throws<SnmpDecodeException>(() => SnmpMessageCodec.DecodeCommunity(V1TrapRelabelledAsV2c()));

        Assert.Contains("only valid in an SNMPv1 message", error.Message, StringComparison.Ordinal);
        Assert.IsType<TrapV1Pdu>(SnmpMessageCodec.DecodeCommunity(Captures.Get("snmptrap-v1-001-request")).Pdu);
    }

    /// <summary>snmptrap's real v1 trap with the version field changed from 0 (v1) to 1 (v2c).</summary>
    internal static byte[] V1TrapRelabelledAsV2c()
    {
        var bytes = Captures.Get("snmptrap-v1-001-request").ToArray();
        var version = bytes[1] < 0x80 ? 2 : 2 + (bytes[1] & 0x7F);
        Assert.Equal([0x02, 0x01, 0x00], bytes[version..(version + 3)]);
        bytes[version + 2] = 0x01;
        return bytes;
    }

    [Fact]
    public void Multi_Octet_Tags_Are_Decode_Errors()
    {
        var error = Assert.Throws<SnmpDecodeException>(() => new BerReader(Convert.FromHexString("1F810100")).ReadAnyTlv(out _));
        Assert.Contains("Multi-octet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_Value_Tag_And_Null_With_Content_Are_Decode_Errors()
    {
        Assert.Throws<SnmpDecodeException>(() => Decode("4700"));
        Assert.Throws<SnmpDecodeException>(() => Decode("050100"));
        Assert.Throws<SnmpDecodeException>(() => Decode("820101"));
        Assert.Throws<SnmpDecodeException>(() => Decode("400301020304"[..10]));

        static void Decode(string hex)
        {
            var reader = new BerReader(Convert.FromHexString(hex));
            SnmpValueDecoder.Decode(ref reader);
        }
    }

    [Fact]
    public void Octet_String_Text_Falls_Back_To_Hex_For_Binary()
    {
        Assert.Equal("sw-core-1", new OctetString("sw-core-1").AsText());
        Assert.Equal("00 11 22 AA", new OctetString(new byte[] { 0x00, 0x11, 0x22, 0xAA }).AsText());
        Assert.Equal(new OctetString("a"), new OctetString(new byte[] { (byte)'a' }));
    }

    [Fact]
    public void TryGetUInt64_Covers_Counters_And_NonNegative_Integers()
    {
        Assert.True(new Counter64(5).TryGetUInt64(out var c) && c == 5);
        Assert.True(new TimeTicks(7).TryGetUInt64(out var t) && t == 7);
        Assert.True(new Integer32(3).TryGetUInt64(out var i) && i == 3);
        Assert.False(new Integer32(-3).TryGetUInt64(out _));
        Assert.False(new OctetString("3").TryGetUInt64(out _));
        Assert.True(EndOfMibView.Instance.IsException);
    }
}
