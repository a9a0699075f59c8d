namespace ClassroomFleet.Agent.Devices.Panel.PjLink;

/// <summary>
/// Parses one reply line (without its CR) to a query. PJLink replies are <c>%</c>, the class digit, the 4-character
/// command echoed, <c>=</c>, then the parameter (class 1 up to 128 bytes, class 2 likewise) or <c>ERR1</c>–<c>ERR4</c>.
/// </summary>
public static class PjLinkReplyParser
{
    public const int MaxLineLength = 136;

    public static PjLinkReply Parse(ReadOnlySpan<char> line, int expectedClass, string expectedCommand)
    {
        if (line.Length < 7 || line[0] != '%' || line[6] != '=')
        {
            throw new PjLinkProtocolException($"reply to {expectedClass}{expectedCommand} is not PJLink: '{Printable(line)}'");
        }

        if (line[1] - '0' != expectedClass || !line.Slice(2, 4).SequenceEqual(expectedCommand))
        {
            throw new PjLinkProtocolException($"reply '{Printable(line)}' does not answer %{expectedClass}{expectedCommand}");
        }

        var value = line[7..];
        foreach (var c in value)
        {
            // PJLink parameters are printable ASCII, space included (NAME and INFO may hold spaces); class 2 allows UTF-8
            // in NAME, which is decoded before it gets here.
            if (char.IsControl(c))
            {
                throw new PjLinkProtocolException($"reply to {expectedClass}{expectedCommand} holds a control character");
            }
        }

        var error = value switch
        {
            "ERR1" => PjLinkError.UndefinedCommand,
            "ERR2" => PjLinkError.OutOfParameter,
            "ERR3" => PjLinkError.UnavailableTime,
            "ERR4" => PjLinkError.DeviceFailure,
            _ => PjLinkError.None,
        };

        return new PjLinkReply(expectedClass, expectedCommand, error == PjLinkError.None ? value.ToString() : "", error);
    }

    internal static string Printable(ReadOnlySpan<char> text)
    {
        var cut = text.Length > 40 ? text[..40] : text;
        return string.Create(cut.Length, cut.ToString(), static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = source[i] is >= ' ' and <= '~' ? source[i] : '?';
            }
        });
    }
}
