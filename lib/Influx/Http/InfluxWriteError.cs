using System.Globalization;

namespace ClassroomFleet.Influx.Http;

/// <summary>
/// The error text of a rejected write, taken apart. influxd 1.6.7 answers a batch with bad lines with 400 and, e.g.:
/// <code>partial write: unable to parse 'm,t=b v=abc 2000': invalid boolean\nunable to parse 'm v= 4000': missing field value dropped=0</code>
/// or, when lines parse but cannot be stored, <code>partial write: field type conflict: input field "v" … dropped=1</code>
/// (no line named). In both cases the other lines of the batch were stored.
/// </summary>
public sealed class InfluxWriteError
{
    private const string UnableToParse = "unable to parse '";
    private const string PartialWrite = "partial write:";
    private const string DroppedMarker = " dropped=";

    private InfluxWriteError(string text, bool isPartialWrite, int? dropped, IReadOnlyList<UnparsableLine> unparsableLines)
    {
        Text = text;
        IsPartialWrite = isPartialWrite;
        Dropped = dropped;
        UnparsableLines = unparsableLines;
    }

    public string Text { get; }

    /// <summary>The server said "partial write": lines not named or counted here were stored.</summary>
    public bool IsPartialWrite { get; }

    /// <summary>The server's <c>dropped=N</c>: points that parsed but were not stored (type conflict, outside retention).</summary>
    public int? Dropped { get; }

    /// <summary>The lines the server could not parse, as it quoted them, with its reason.</summary>
    public IReadOnlyList<UnparsableLine> UnparsableLines { get; }

    public static InfluxWriteError Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = text;
        int? dropped = null;
        var droppedAt = body.LastIndexOf(DroppedMarker, StringComparison.Ordinal);
        if (droppedAt >= 0 && int.TryParse(body.AsSpan(droppedAt + DroppedMarker.Length).TrimEnd(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            dropped = n;
            body = body[..droppedAt];
        }

        var partial = body.StartsWith(PartialWrite, StringComparison.Ordinal);
        var lines = new List<UnparsableLine>();
        var at = body.IndexOf(UnableToParse, StringComparison.Ordinal);
        while (at >= 0)
        {
            var start = at + UnableToParse.Length;
            var next = body.IndexOf("\n" + UnableToParse, start, StringComparison.Ordinal);
            var entry = next < 0 ? body[start..] : body[start..next];
            // The line is quoted as-is and may itself contain "': ", so the reason starts at the last one.
            var end = entry.LastIndexOf("': ", StringComparison.Ordinal);
            if (end >= 0)
            {
                lines.Add(new UnparsableLine(entry[..end], entry[(end + 3)..].TrimEnd()));
            }

            at = next < 0 ? -1 : next + 1;
        }

        return new InfluxWriteError(text, partial, dropped, lines);
    }
}

/// <summary>A line the server could not parse, exactly as it quoted it (without the final newline), and its reason.</summary>
public sealed record UnparsableLine(string Line, string Reason);
