using System.Globalization;

namespace ClassroomFleet.Agent.Devices.Panel.PjLink;

/// <summary>Parses the parameters of query replies; a malformed one is a <see cref="PjLinkProtocolException"/>.</summary>
public static class PjLinkValues
{
    public const int MaxLamps = 8;

    public static PjLinkPower Power(string value) => value switch
    {
        "0" => PjLinkPower.Off,
        "1" => PjLinkPower.On,
        "2" => PjLinkPower.Cooling,
        "3" => PjLinkPower.WarmUp,
        _ => throw Bad("POWR", value),
    };

    public static int Class(string value) => value switch
    {
        "1" => 1,
        "2" => 2,
        _ => throw Bad("CLSS", value),
    };

    public static PjLinkErrorStatus ErrorStatus(string value)
    {
        if (value.Length != 6 || value.AsSpan().IndexOfAnyExcept("012") >= 0)
        {
            throw Bad("ERST", value);
        }

        return new PjLinkErrorStatus(value[0] - '0', value[1] - '0', value[2] - '0', value[3] - '0', value[4] - '0', value[5] - '0');
    }

    /// <summary>LAMP: "hours on/off" pairs separated by spaces, one pair per lamp, at most 8 lamps.</summary>
    public static IReadOnlyList<PjLinkLamp> Lamps(string value)
    {
        var parts = value.Split(' ');
        if (parts.Length % 2 != 0 || parts.Length / 2 is < 1 or > MaxLamps)
        {
            throw Bad("LAMP", value);
        }

        var lamps = new PjLinkLamp[parts.Length / 2];
        for (var i = 0; i < lamps.Length; i++)
        {
            if (!long.TryParse(parts[2 * i], NumberStyles.None, CultureInfo.InvariantCulture, out var hours) || parts[2 * i + 1] is not ("0" or "1"))
            {
                throw Bad("LAMP", value);
            }

            lamps[i] = new PjLinkLamp(hours, parts[2 * i + 1] == "1");
        }

        return lamps;
    }

    public static long Hours(string command, string value) =>
        value.Length is > 0 and <= 6 && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            ? hours
            : throw Bad(command, value);

    private static PjLinkProtocolException Bad(string command, string value) =>
        new($"{command} reply '{PjLinkReplyParser.Printable(value)}' is not a valid {command} parameter");
}
