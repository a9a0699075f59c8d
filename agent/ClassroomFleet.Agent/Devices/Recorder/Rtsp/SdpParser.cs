using System.Globalization;

namespace ClassroomFleet.Agent.Devices.Recorder.Rtsp;

/// <summary>
/// Parses an SDP description (RFC 4566 §5): <c>&lt;type&gt;=&lt;value&gt;</c> lines, starting with <c>v=0</c>; media sections
/// start at <c>m=&lt;media&gt; &lt;port&gt;[/&lt;n&gt;] &lt;proto&gt; &lt;fmt&gt; …</c>; <c>a=rtpmap:&lt;pt&gt; &lt;codec&gt;/&lt;clock&gt;</c> names a format's codec.
/// </summary>
public static class SdpParser
{
    public static SessionDescription Parse(string text)
    {
        var lines = text.Split('\n');
        var sessionName = "";
        var media = new List<SdpMedia>();
        var sawVersion = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
            {
                continue;
            }

            // RFC 4566 §5: "<type>=<value>", type is exactly one case-significant character, no whitespace around '='.
            if (line.Length < 2 || line[1] != '=' || !char.IsAsciiLetterLower(line[0]))
            {
                throw new RtspProtocolException($"SDP line {i + 1} is not <type>=<value>");
            }

            if (!sawVersion)
            {
                if (line != "v=0")
                {
                    throw new RtspProtocolException("SDP does not start with v=0");
                }

                sawVersion = true;
                continue;
            }

            var value = line[2..];
            switch (line[0])
            {
                case 's' when media.Count == 0:
                    sessionName = value;
                    break;
                case 'm':
                    media.Add(ParseMedia(value, i + 1));
                    break;
                case 'a' when media.Count > 0 && value.StartsWith("rtpmap:", StringComparison.Ordinal):
                    media[^1] = WithCodec(media[^1], value[7..]);
                    break;
            }
        }

        return sawVersion ? new SessionDescription(sessionName, media) : throw new RtspProtocolException("SDP is empty");
    }

    private static SdpMedia ParseMedia(string value, int lineNumber)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var portText = parts.Length > 1 ? parts[1].Split('/')[0] : "";
        if (parts.Length < 4 || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new RtspProtocolException($"SDP line {lineNumber}: m= needs <media> <port> <proto> <fmt>");
        }

        return new SdpMedia(parts[0], port, parts[2], parts[3..], null);
    }

    private static SdpMedia WithCodec(SdpMedia media, string rtpmap)
    {
        var space = rtpmap.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || media.Codec is not null || !media.Formats.Contains(rtpmap[..space]))
        {
            return media;
        }

        var encoding = rtpmap[(space + 1)..];
        var slash = encoding.IndexOf('/', StringComparison.Ordinal);
        return media with { Codec = slash > 0 ? encoding[..slash] : encoding };
    }
}
