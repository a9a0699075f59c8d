using System.Buffers;
using System.Text.Unicode;

namespace ClassroomFleet.Influx.LineProtocol;

/// <summary>
/// Escapes names and values into UTF-8 line protocol. The rules were checked against influxd 1.6.7 (see README.md):
/// <list type="bullet">
/// <item>measurement: comma and space are escaped with a backslash;</item>
/// <item>tag keys, tag values and field keys: comma, equals sign and space are escaped;</item>
/// <item>string field values: double quote and backslash are escaped, everything else (newlines too) is literal.</item>
/// </list>
/// Outside string field values a backslash is literal and never unescaped, but one just before a character that needs
/// escaping, or at the end, is read as an escape by the server (even a doubled one, as tested on influxd 1.6.7). Such
/// names cannot be represented and are rejected,
/// as are newlines (the line separator) and a measurement starting with '#' (a comment line).
/// </summary>
internal static class LineProtocolEscaper
{
    private static readonly SearchValues<char> MeasurementSpecials = SearchValues.Create(", \\\n");
    private static readonly SearchValues<char> KeySpecials = SearchValues.Create(",= \\\n");
    private static readonly SearchValues<char> StringSpecials = SearchValues.Create("\"\\");

    /// <summary>The most bytes an escaped value of <paramref name="chars"/> UTF-16 units can take.</summary>
    public static int MaxEscapedBytes(int chars) => chars * 3;

    public static int WriteMeasurement(ReadOnlySpan<char> value, Span<byte> destination, string parameterName)
    {
        if (value.IsEmpty)
        {
            throw new ArgumentException("The measurement name is empty.", parameterName);
        }

        if (value[0] == '#')
        {
            throw new ArgumentException($"The measurement name '{value}' starts with '#', which line protocol reads as a comment.", parameterName);
        }

        return WriteName(value, destination, MeasurementSpecials, isKey: false, parameterName, "measurement name");
    }

    public static int WriteKey(ReadOnlySpan<char> value, Span<byte> destination, string parameterName, string what)
    {
        if (value.IsEmpty)
        {
            throw new ArgumentException($"The {what} is empty.", parameterName);
        }

        return WriteName(value, destination, KeySpecials, isKey: true, parameterName, what);
    }

    public static int WriteStringFieldValue(ReadOnlySpan<char> value, Span<byte> destination, string parameterName)
    {
        var written = 0;
        destination[written++] = (byte)'"';
        while (!value.IsEmpty)
        {
            var special = value.IndexOfAny(StringSpecials);
            var run = special < 0 ? value : value[..special];
            written += Encode(run, destination[written..], parameterName);
            if (special < 0)
            {
                break;
            }

            destination[written++] = (byte)'\\';
            destination[written++] = (byte)value[special];
            value = value[(special + 1)..];
        }

        destination[written++] = (byte)'"';
        return written;
    }

    private static int WriteName(ReadOnlySpan<char> value, Span<byte> destination, SearchValues<char> specials, bool isKey, string parameterName, string what)
    {
        var original = value;
        var written = 0;
        while (!value.IsEmpty)
        {
            var special = value.IndexOfAny(specials);
            var run = special < 0 ? value : value[..special];
            written += Encode(run, destination[written..], parameterName);
            if (special < 0)
            {
                break;
            }

            var c = value[special];
            switch (c)
            {
                case '\n':
                    throw new ArgumentException($"The {what} '{original}' contains a newline, which line protocol cannot carry outside string fields.", parameterName);
                case '\\':
                    // influxd 1.6.7 mis-reads any run of backslashes before a delimiter or at the end (odd or even, tested).
                    var backslashes = 1;
                    while (special + backslashes < value.Length && value[special + backslashes] == '\\')
                    {
                        backslashes++;
                    }

                    var next = special + backslashes < value.Length ? value[special + backslashes] : '\0';
                    if ((next == '\0' || next == ',' || next == ' ' || (isKey && next == '=')))
                    {
                        throw new ArgumentException(
                            $"The {what} '{original}' has a backslash at its end or before a character that needs escaping; line protocol cannot represent that.",
                            parameterName);
                    }

                    destination.Slice(written, backslashes).Fill((byte)'\\');
                    written += backslashes;
                    value = value[(special + backslashes)..];
                    continue;
                default:
                    destination[written++] = (byte)'\\';
                    destination[written++] = (byte)c;
                    break;
            }

            value = value[(special + 1)..];
        }

        return written;
    }

    private static int Encode(ReadOnlySpan<char> run, Span<byte> destination, string parameterName)
    {
        // Utf8.FromUtf16 is much cheaper per call than an Encoding, which matters for the many short names of a point.
        var status = Utf8.FromUtf16(run, destination, out _, out var written, replaceInvalidSequences: false);
        return status switch
        {
            OperationStatus.Done => written,
            OperationStatus.InvalidData => throw new ArgumentException("The text contains an unpaired surrogate and is not valid Unicode.", parameterName),
            _ => throw new InvalidOperationException($"UTF-8 encoding stopped with {status}; the buffer was sized too small."),
        };
    }
}
