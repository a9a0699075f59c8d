using System.Globalization;

namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>A school's desired version as an HTTP entity tag (<c>"7"</c>), for If-Match on a push.</summary>
public static class VersionTag
{
    public static string Of(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>The version in <c>"7"</c> (or <c>W/"7"</c>, or a bare 7); null for anything else, including lists.</summary>
    public static long? Parse(string value)
    {
        var text = value.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        text = text.Trim('"');
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : null;
    }
}
