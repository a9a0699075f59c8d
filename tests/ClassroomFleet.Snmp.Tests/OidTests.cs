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
