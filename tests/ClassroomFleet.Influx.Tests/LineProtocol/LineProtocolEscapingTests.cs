using System.Text;
using ClassroomFleet.Influx.LineProtocol;

namespace ClassroomFleet.Influx.Tests.LineProtocol;

/// <summary>Escaping per position, as influxd 1.6.7 reads it (probed by hand, see lib/Influx/README.md).</summary>
public sealed class LineProtocolEscapingTests
{
    [Theory]
    [InlineData("cpu", "cpu")]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a b", @"a\ b")]
    [InlineData("a=b", "a=b")]
    [InlineData("a\"b", "a\"b")]
    [InlineData(@"a\b", @"a\b")]
    [InlineData("教室 交换机", @"教室\ 交换机")]
    [InlineData("🙂,x", @"🙂\,x")]
    [InlineData("a\tb", "a\tb")]
    public void Measurement_escapes_comma_and_space_only(string measurement, string expected)
    {
        Assert.Equal(expected + " f=1i 1\n", Encode(b => b.Point(measurement).Field("f", 1L).Timestamp(1)));
    }

    [Theory]
    [InlineData("host", "host")]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a b", @"a\ b")]
    [InlineData("a=b", @"a\=b")]
    [InlineData(@"a\b", @"a\b")]
    [InlineData("a\"b", "a\"b")]
    [InlineData("学校", "学校")]
    [InlineData("🏫 =,", @"🏫\ \=\,")]
    [InlineData(@"a\\b", @"a\\b")]
    [InlineData(@"a\x", @"a\x")]
    public void Tag_keys_and_values_escape_comma_equals_and_space(string text, string expected)
    {
        Assert.Equal($"m,{expected}=v f=1i 1\n", Encode(b => b.Point("m").Tag(text, "v").Field("f", 1L).Timestamp(1)));
        Assert.Equal($"m,k={expected} f=1i 1\n", Encode(b => b.Point("m").Tag("k", text).Field("f", 1L).Timestamp(1)));
    }

    [Theory]
    [InlineData("value", "value")]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a b", @"a\ b")]
    [InlineData("a=b", @"a\=b")]
    [InlineData("带宽", "带宽")]
    public void Field_keys_escape_comma_equals_and_space(string key, string expected)
    {
        Assert.Equal($"m {expected}=1i 1\n", Encode(b => b.Point("m").Field(key, 1L).Timestamp(1)));
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\temp\", "\"C:\\\\temp\\\\\"")]
    [InlineData("a,b=c d", "\"a,b=c d\"")]
    [InlineData("line1\nline2", "\"line1\nline2\"")]
    [InlineData("三年级二班 🎒", "\"三年级二班 🎒\"")]
    [InlineData("", "\"\"")]
    public void String_fields_escape_double_quote_and_backslash(string value, string expected)
    {
        Assert.Equal($"m s={expected} 1\n", Encode(b => b.Point("m").Field("s", value).Timestamp(1)));
    }

    [Theory]
    [InlineData(@"trailing\")]
    [InlineData(@"before\,comma")]
    [InlineData(@"before\ space")]
    [InlineData(@"before\=equals")]
    [InlineData(@"three\\\")]
    [InlineData(@"two\\")]
    [InlineData(@"two\\,x")]
    [InlineData("new\nline")]
    public void Tag_value_that_line_protocol_cannot_carry_is_rejected(string value)
    {
        using var buffer = new LineProtocolBuffer();
        var error = Assert.Throws<ArgumentException>(() => buffer.Point("m").Tag("k", value).Field("f", 1L).Timestamp(1));
        Assert.Equal("value", error.ParamName);
        Assert.Equal(0, buffer.LineCount);
    }

    [Theory]
    [InlineData(@"trailing\")]
    [InlineData(@"a\ b")]
    [InlineData("a\nb")]
    [InlineData("#comment")]
    [InlineData("")]
    public void Measurement_that_line_protocol_cannot_carry_is_rejected(string measurement)
    {
        using var buffer = new LineProtocolBuffer();
        Assert.Throws<ArgumentException>(() => buffer.Point(measurement));
        Assert.Equal(0, buffer.LineCount);
    }

    [Theory]
    [InlineData(@"key\")]
    [InlineData(@"a\=b")]
    [InlineData("")]
    public void Field_key_that_line_protocol_cannot_carry_is_rejected(string key)
    {
        using var buffer = new LineProtocolBuffer();
        Assert.Throws<ArgumentException>(() => buffer.Point("m").Field(key, 1L));
        Assert.Equal(0, buffer.LineCount);
    }

    [Fact]
    public void Unpaired_surrogate_is_rejected_rather_than_replaced()
    {
        using var buffer = new LineProtocolBuffer();
        Assert.Throws<ArgumentException>(() => buffer.Point("m").Field("s", "bad \uD83D here"));
        Assert.Equal(0, buffer.LineCount);
    }

    private static string Encode(Action<LineProtocolBuffer> write)
    {
        using var buffer = new LineProtocolBuffer(16);
        write(buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
