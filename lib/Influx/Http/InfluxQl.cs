using System.Text;

namespace ClassroomFleet.Influx.Http;

/// <summary>Quoting for building InfluxQL text safely.</summary>
public static class InfluxQl
{
    /// <summary>A double-quoted identifier (database, measurement, tag key), with '"' and '\' escaped.</summary>
    public static string QuoteIdentifier(string identifier) => Quote(identifier, '"');

    /// <summary>A single-quoted string literal (a tag value in WHERE), with '\'' and '\' escaped.</summary>
    public static string QuoteString(string value) => Quote(value, '\'');

    private static string Quote(string text, char quote)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 2);
        builder.Append(quote);
        foreach (var c in text)
        {
            if (c == quote || c == '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append(quote).ToString();
    }
}
