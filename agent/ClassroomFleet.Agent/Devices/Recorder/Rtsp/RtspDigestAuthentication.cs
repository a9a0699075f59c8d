using System.Security.Cryptography;
using System.Text;

namespace ClassroomFleet.Agent.Devices.Recorder.Rtsp;

/// <summary>
/// The Authorization header for a 401 challenge: HTTP Digest (RFC 2617 §3.2.2, as RTSP cameras and recorders use it,
/// with or without <c>qop=auth</c>) or Basic when that is all the server offers.
/// </summary>
public static class RtspDigestAuthentication
{
    public static string Authorize(string challenge, string method, string uri, string user, string password, string? clientNonce = null)
    {
        if (challenge.StartsWith("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        }

        if (!challenge.StartsWith("Digest ", StringComparison.OrdinalIgnoreCase))
        {
            throw new RtspProtocolException("the server asks for an authentication scheme other than Digest or Basic");
        }

        var parameters = ParseParameters(challenge[7..]);
        if (!parameters.TryGetValue("realm", out var realm) || !parameters.TryGetValue("nonce", out var nonce))
        {
            throw new RtspProtocolException("the Digest challenge lacks realm or nonce");
        }

        var ha1 = Md5($"{user}:{realm}:{password}");
        var ha2 = Md5($"{method}:{uri}");
        var header = $"Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\"";
        if (parameters.TryGetValue("qop", out var qop) && qop.Split(',').Select(q => q.Trim()).Contains("auth"))
        {
            var cnonce = clientNonce ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            const string count = "00000001";
            var response = Md5($"{ha1}:{nonce}:{count}:{cnonce}:auth:{ha2}");
            return $"{header}, qop=auth, nc={count}, cnonce=\"{cnonce}\", response=\"{response}\"";
        }

        return $"{header}, response=\"{Md5($"{ha1}:{nonce}:{ha2}")}\"";
    }

    internal static Dictionary<string, string> ParseParameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == ','))
            {
                i++;
            }

            var equals = text.IndexOf('=', i);
            if (equals < 0)
            {
                break;
            }

            var name = text[i..equals].Trim();
            i = equals + 1;
            string value;
            if (i < text.Length && text[i] == '"')
            {
                var close = text.IndexOf('"', i + 1);
                if (close < 0)
                {
                    throw new RtspProtocolException("unterminated quoted value in the authentication challenge");
                }

                value = text[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                var comma = text.IndexOf(',', i);
                var end = comma < 0 ? text.Length : comma;
                value = text[i..end].Trim();
                i = end;
            }

            result[name] = value;
        }

        return result;
    }

    // RFC 2617 mandates MD5 for Digest; it protects nothing else here.
#pragma warning disable CA5351
    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
}
