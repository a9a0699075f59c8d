using System.Globalization;
using System.Text;
using ClassroomFleet.Influx.LineProtocol;

namespace ClassroomFleet.Influx.Tests.LineProtocol;

public sealed class LineProtocolBufferTests
{
    [Fact]
    public void Writes_tags_sorted_by_key_whatever_order_they_come_in()
    {
        using var buffer = new LineProtocolBuffer();
        buffer.Point("iface").Tag("school", "s1").Tag("device", "sw 1").Tag("ifName", "Gi1/0/1").Tag("county", "c").Tag("zone", "z")
            .Field("inOctets", 10L).Timestamp(5);
        Assert.Equal("iface,county=c,device=sw\\ 1,ifName=Gi1/0/1,school=s1,zone=z inOctets=10i 5\n", Text(buffer));
    }

    [Fact]
    public void Sorts_many_tags_given_in_reverse_order()
    {
        using var buffer = new LineProtocolBuffer(8);
        var line = buffer.Point("m");
        for (var i = 40; i >= 0; i--)
        {
            line.Tag("k" + i.ToString("D2", CultureInfo.InvariantCulture), "v" + i.ToString(CultureInfo.InvariantCulture));
        }

        line.Field("f", true).Timestamp(1);
        var expected = "m," + string.Join(',', Enumerable.Range(0, 41).Select(i => $"k{i:D2}=v{i}")) + " f=true 1\n";
        Assert.Equal(expected, Text(buffer));
    }

    [Fact]
    public void Duplicate_tag_key_is_rejected_and_the_line_discarded()
    {
        using var buffer = new LineProtocolBuffer();
        Assert.Throws<ArgumentException>(() => buffer.Point("m").Tag("b", "1").Tag("a", "2").Tag("b", "3"));
        Assert.Equal(0, buffer.LineCount);
        Assert.Equal(0, buffer.WrittenMemory.Length);
    }

    [Fact]
    public void Empty_tag_value_is_left_out()
    {
        using var buffer = new LineProtocolBuffer();
        buffer.Point("m").Tag("a", "").Tag("b", "x").Field("f", 1L).Timestamp(1);
        Assert.Equal("m,b=x f=1i 1\n", Text(buffer));
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(-0.0, "-0")]
    [InlineData(1.0, "1")]
    [InlineData(1e21, "1E+21")]
    [InlineData(1e-7, "1E-07")]
    [InlineData(double.MaxValue, "1.7976931348623157E+308")]
    [InlineData(double.Epsilon, "5E-324")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    public void Floats_are_written_shortest_round_trippable(double value, string expected)
    {
        using var buffer = new LineProtocolBuffer();
        buffer.Point("m").Field("f", value).Timestamp(1);
        var text = Text(buffer);
        Assert.Equal($"m f={expected} 1\n", text);
        Assert.Equal(value, double.Parse(expected, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NaN_and_infinity_are_rejected_and_earlier_lines_survive(double value)
    {
        using var buffer = new LineProtocolBuffer();
        buffer.Point("ok").Field("f", 1.5).Timestamp(1);
        Assert.Throws<ArgumentException>(() => buffer.Point("m").Tag("t", "x").Field("a", 1L).Field("f", value));
        buffer.Point("after").Field("f", 2L).Timestamp(2);
        Assert.Equal("ok f=1.5 1\nafter f=2i 2\n", Text(buffer));
        Assert.Equal(2, buffer.LineCount);
    }

    [Fact]
    public void Integers_booleans_and_timestamps()
    {
        using var buffer = new LineProtocolBuffer();
        buffer.Point("m").Field("min", long.MinValue).Field("max", long.MaxValue).Field("i", 7).Field("t", true).Field("f", false)
            .Timestamp(1_700_000_000_123_456_789);
        Assert.Equal("m min=-9223372036854775808i,max=9223372036854775807i,i=7i,t=true,f=false 1700000000123456789\n", Text(buffer));
    }

    [Fact]
    public void Unsigned_is_written_as_integer_for_servers_without_u_and_rejected_above_long_max()
    {
        using var buffer = new LineProtocolBuffer();
        buffer.Point("m").Field("c", (ulong)long.MaxValue).Timestamp(1);
        Assert.Equal("m c=9223372036854775807i 1\n", Text(buffer));
        Assert.Throws<ArgumentException>(() => buffer.Point("m").Field("c", (ulong)long.MaxValue + 1));
        Assert.Equal(1, buffer.LineCount);
    }

    [Fact]
    public void Unsigned_uses_u_suffix_when_the_server_supports_it()
    {
        using var buffer = new LineProtocolBuffer(supportsUnsigned: true);
        buffer.Point("m").Field("c", ulong.MaxValue).Timestamp(1);
        Assert.Equal("m c=18446744073709551615u 1\n", Text(buffer));
    }

    [Fact]
    public void Line_without_field_is_an_error()
    {
        using var buffer = new LineProtocolBuffer();
        Assert.Throws<InvalidOperationException>(() => buffer.Point("m").Tag("a", "b").Timestamp(1));
        Assert.Equal(0, buffer.LineCount);
    }

    [Fact]
    public void Tag_after_field_is_an_error()
    {
        using var buffer = new LineProtocolBuffer();
        Assert.Throws<InvalidOperationException>(() => buffer.Point("m").Field("f", 1L).Tag("a", "b"));
        Assert.Equal(0, buffer.LineCount);
    }

    [Fact]
    public void Builder_of_an_ended_line_cannot_be_reused()
    {
        using var buffer = new LineProtocolBuffer();
        var line = buffer.Point("m").Field("f", 1L);
        line.Timestamp(1);
        Assert.Throws<InvalidOperationException>(() => line.Field("g", 2L));
        Assert.Equal("m f=1i 1\n", Text(buffer));
    }

    [Fact]
    public void Starting_a_line_while_one_is_open_discards_the_open_one()
    {
        using var buffer = new LineProtocolBuffer();
        buffer.Point("m").Field("f", 1L);
        Assert.Throws<InvalidOperationException>(() => buffer.Point("n"));
        buffer.Point("n").Field("f", 2L).Timestamp(2);
        Assert.Equal("n f=2i 2\n", Text(buffer));
    }

    [Fact]
    public void Line_without_timestamp_ends_after_the_fields()
    {
        using var buffer = new LineProtocolBuffer();
        buffer.Point("m").Field("f", 1L).EndWithoutTimestamp();
        Assert.Equal("m f=1i\n", Text(buffer));
    }

    [Fact]
    public void Grows_past_its_initial_capacity_and_keeps_line_boundaries()
    {
        using var buffer = new LineProtocolBuffer(16);
        var expected = new StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            var text = new string('x', i % 50) + "\n多";
            buffer.Point("m").Tag("i", i.ToString(CultureInfo.InvariantCulture)).Field("s", text).Timestamp(i);
            expected.Append(CultureInfo.InvariantCulture, $"m,i={i} s=\"{text}\" {i}\n");
        }

        Assert.Equal(2000, buffer.LineCount);
        Assert.Equal(expected.ToString(), Text(buffer));
        Assert.Equal($"m,i=1234 s=\"{new string('x', 1234 % 50)}\n多\" 1234\n", Encoding.UTF8.GetString(buffer.GetLine(1234).Span));
    }

    [Fact]
    public void Clear_forgets_lines_and_the_buffer_is_reusable()
    {
        using var buffer = new LineProtocolBuffer();
        buffer.Point("m").Field("f", 1L).Timestamp(1);
        buffer.Clear();
        Assert.Equal(0, buffer.LineCount);
        buffer.Point("n").Field("f", 1L).Timestamp(1);
        Assert.Equal("n f=1i 1\n", Text(buffer));
    }

    [Fact]
    public void AppendLines_copies_lines_with_their_boundaries()
    {
        using var a = new LineProtocolBuffer();
        using var b = new LineProtocolBuffer();
        a.Point("a").Field("s", "x\ny").Timestamp(1);
        a.Point("b").Field("f", 1L).Timestamp(2);
        b.Point("c").Field("f", 1L).Timestamp(3);
        b.AppendLines(a);
        Assert.Equal(3, b.LineCount);
        Assert.Equal("a s=\"x\ny\" 1\n", Encoding.UTF8.GetString(b.GetLine(1).Span));
    }

    [Fact]
    public void Disposed_buffer_refuses_new_lines()
    {
        var buffer = new LineProtocolBuffer();
        buffer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => buffer.Point("m"));
    }

    private static string Text(LineProtocolBuffer buffer) => Encoding.UTF8.GetString(buffer.WrittenSpan);
}
