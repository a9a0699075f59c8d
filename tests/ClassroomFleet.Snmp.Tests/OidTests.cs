using ClassroomFleet.Snmp.Pdus;

namespace ClassroomFleet.Snmp.Tests;

public sealed class OidTests
{
    [Theory]
    [InlineData("1.3.6.1.2.1.1.3.0")]
    [InlineData("0.0")]
    [InlineData("1.3.6.1.4.1.4294967295")]
    public void Parse_Then_ToString_Round_Trips(string text) => Assert.Equal(text, Oid.Parse(text).ToString());

    [Fact]
    public void A_Leading_Dot_Is_Accepted() => Assert.Equal(Oid.Parse("1.3.6"), Oid.Parse(".1.3.6"));

    [Theory]
    [InlineData("")]
    [InlineData("1..3")]
    [InlineData("1.3.a")]
    [InlineData("1.3.4294967296")]
    [InlineData("1.3.-1")]
    public void Invalid_Text_Is_Rejected(string text) => Assert.False(Oid.TryParse(text, out _));

    [Theory]
    [InlineData("1.3.6.1", true)]
    [InlineData("0.39", true)]
    [InlineData("2.999.1", true)] // arc 2 takes any second arc (packed as 80 + 999)
    [InlineData("2.4294967215", true)] // packs to exactly 2^32-1
    [InlineData("1", true)] // a walk root; encoded as 1.0, as net-snmp does
    [InlineData("3.1", false)]
    [InlineData("1.40", false)] // would be read back as 2.0
    [InlineData("0.45.1", false)]
    [InlineData("2.4294967216", false)] // packs to 2^32
    [InlineData("192.168.1.10", false)] // fine as a table index, not as an OBJECT IDENTIFIER
    public void Only_Oids_X690_Can_Carry_Are_Valid_Object_Identifiers(string text, bool valid)
    {
        var oid = Oid.Parse(text);

        Assert.Equal(valid, oid.IsValidObjectIdentifier);
        Assert.Equal(valid, oid.FindEncodingProblem() is null);
    }

    [Theory]
    [InlineData("1.40")]
    [InlineData("5.1")]
    [InlineData("2.4294967216")]
    public void Encoding_An_Invalid_Oid_Is_Refused_Instead_Of_Sending_Another_Oid(string text)
    {
        var pdu = new Pdu(PduType.GetRequest, 1, ErrorStatus.NoError, 0, [Variable.ForRequest(Oid.Parse(text))]);

        var error = Assert.Throws<SnmpException>(() => SnmpMessageCodec.EncodeCommunity(SnmpVersion.V2c, "public"u8, pdu).Dispose());

        Assert.Equal(SnmpErrorKind.InvalidRequest, error.Kind);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Oid_Value_With_A_Bad_First_Arc_Is_Refused_Too()
    {
        var pdu = new Pdu(PduType.SetRequest, 1, ErrorStatus.NoError, 0, [new Variable(Oid.Parse("1.3.6.1.2.1.1.2.0"), new ObjectIdentifier(Oid.Parse("7.1")))]);

        Assert.Throws<SnmpException>(() => SnmpMessageCodec.EncodeCommunity(SnmpVersion.V2c, "private"u8, pdu).Dispose());
    }

    [Fact]
    public void More_Than_128_SubIdentifiers_Are_Rejected()
    {
        Assert.False(Oid.TryParse(string.Join('.', Enumerable.Repeat("1", 129)), out _));
        Assert.True(Oid.TryParse(string.Join('.', Enumerable.Repeat("1", 128)), out _));
    }

    [Fact]
    public void Order_Is_Lexicographic_By_SubIdentifier_Not_By_Text()
    {
        string[] sorted = ["1.3.6.1", "1.3.6.1.0", "1.3.6.1.2", "1.3.6.1.10", "1.3.6.2"];

        var shuffled = sorted.Reverse().Select(Oid.Parse).Order().Select(o => o.ToString());

        Assert.Equal(sorted, shuffled);
        Assert.True(Oid.Parse("1.3.6.1.2") < Oid.Parse("1.3.6.1.10"));
    }

    [Fact]
    public void Table_Index_Is_The_Suffix_After_The_Column()
    {
        var column = Oid.Parse("1.3.6.1.2.1.4.20.1.1");
        var instance = Oid.Parse("1.3.6.1.2.1.4.20.1.1.192.168.1.10");

        Assert.True(instance.StartsWith(column));
        Assert.Equal(Oid.Parse("192.168.1.10"), instance.SubIdsAfter(column));
        Assert.True(instance.SubIdsAfter(Oid.Parse("1.3.6.1.2.1.2")).IsEmpty);
        Assert.Equal(instance, column.Append(192, 168, 1, 10));
    }

    [Fact]
    public void Equal_Oids_Hash_Alike_And_Default_Is_Empty()
    {
        Assert.Equal(Oid.Parse("1.3.6.1").GetHashCode(), new Oid([1, 3, 6, 1]).GetHashCode());
        Assert.True(default(Oid).IsEmpty);
        Assert.Equal(0, default(Oid).Length);
        Assert.Equal(Oid.Empty, default);
    }
}
