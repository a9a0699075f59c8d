using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ClassroomFleet.Simulators.RtspOnvif;

/// <summary>
/// Answers RTSP OPTIONS and DESCRIBE (RFC 2326). With a password configured, DESCRIBE needs HTTP Digest (RFC 2617)
/// and a 401 carries the challenge. The SDP offers H.264 video and AAC audio, or no media at all in "no stream" mode.
/// </summary>
public sealed class RtspHandler(RecorderState state)
{
    private readonly string _nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    private const string Realm = "CF Recorder Sim";

    public string Answer(TextRequest request)
    {
        var cseq = request.Headers.GetValueOrDefault("CSeq", "0");
        if (request.Method == "OPTIONS")
        {
            return Response(200, "OK", cseq, "Public: OPTIONS, DESCRIBE\r\n", null);
        }

        if (request.Method != "DESCRIBE")
        {
            return Response(405, "Method Not Allowed", cseq, "", null);
        }

        if (state.Password is not null && !Authorized(request))
        {
            return Response(401, "Unauthorized", cseq, $"WWW-Authenticate: Digest realm=\"{Realm}\", nonce=\"{_nonce}\"\r\n", null);
        }

        if (!Uri.TryCreate(request.Target, UriKind.Absolute, out var uri) || uri.AbsolutePath != state.StreamPath)
        {
            return Response(404, "Not Found", cseq, "", null);
        }

        var sdp = state.GarbageSdp ? "this is not a session description\r\n" : Sdp(uri);
        return Response(200, "OK", cseq, $"Content-Base: {request.Target}/\r\nContent-Type: application/sdp\r\n", sdp);
    }

    private string Sdp(Uri uri)
    {
        var sdp = new StringBuilder()
            .Append("v=0\r\n")
            .Append(CultureInfo.InvariantCulture, $"o=- 1763800000 1 IN IP4 {uri.Host}\r\n")
            .Append("s=Classroom Recorder Sim\r\n")
            .Append("c=IN IP4 0.0.0.0\r\n")
            .Append("t=0 0\r\n")
            .Append("a=control:*\r\n");
        if (state.StreamLive)
        {
            sdp.Append("m=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\na=fmtp:96 packetization-mode=1\r\na=control:trackID=1\r\n")
               .Append("m=audio 0 RTP/AVP 97\r\na=rtpmap:97 MPEG4-GENERIC/48000/2\r\na=control:trackID=2\r\n");
        }

        return sdp.ToString();
    }

    private bool Authorized(TextRequest request)
    {
        if (!request.Headers.TryGetValue("Authorization", out var header) || !header.StartsWith("Digest ", StringComparison.Ordinal))
        {
            return false;
        }

        var values = DigestParameters.Parse(header[7..]);
        if (values.GetValueOrDefault("username") != state.User || values.GetValueOrDefault("nonce") != _nonce || values.GetValueOrDefault("realm") != Realm)
        {
            return false;
        }

        var ha1 = Md5($"{state.User}:{Realm}:{state.Password}");
        var ha2 = Md5($"{request.Method}:{values.GetValueOrDefault("uri")}");
        var expected = values.TryGetValue("qop", out var qop)
            ? Md5($"{ha1}:{_nonce}:{values.GetValueOrDefault("nc")}:{values.GetValueOrDefault("cnonce")}:{qop}:{ha2}")
            : Md5($"{ha1}:{_nonce}:{ha2}");
        return values.GetValueOrDefault("response") == expected;
    }

#pragma warning disable CA5351 // RFC 2617 Digest uses MD5.
    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351

    private static string Response(int status, string reason, string cseq, string headers, string? body)
    {
        var length = body is null ? 0 : Encoding.UTF8.GetByteCount(body);
        return $"RTSP/1.0 {status} {reason}\r\nCSeq: {cseq}\r\nServer: cf-rtsp-onvif-sim\r\n{headers}Content-Length: {length}\r\n\r\n{body}";
    }
}
