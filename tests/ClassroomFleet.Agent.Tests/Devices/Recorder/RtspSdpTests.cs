using ClassroomFleet.Agent.Devices.Recorder.Rtsp;
using FsCheck;
using FsCheck.Fluent;

namespace ClassroomFleet.Agent.Tests.Devices.Recorder;

public class RtspSdpTests
{
    private const string Live = "v=0\r\no=- 1 1 IN IP4 10.3.1.50\r\ns=Room 301\r\nt=0 0\r\nm=video 0 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\nm=audio 0 RTP/AVP 97\r\na=rtpmap:97 MPEG4-GENERIC/48000/2\r\n";

    [Fact]
    public void A_Description_With_Media_Lines_Offers_A_Live_Stream()
    {
        var sdp = SdpParser.Parse(Live);
        Assert.True(sdp.HasLiveStream);
        Assert.Equal("Room 301", sdp.SessionName);
        Assert.Equal(["video", "audio"], sdp.Media.Select(m => m.Type));
        Assert.Equal("H264", sdp.Media[0].Codec);
        Assert.Equal("MPEG4-GENERIC", sdp.Media[1].Codec);
    }

    [Fact]
    public void A_Description_Without_Media_Lines_Is_Not_A_Live_Stream()
    {
        Assert.False(SdpParser.Parse("v=0\r\no=- 1 1 IN IP4 10.3.1.50\r\ns=idle\r\nt=0 0\r\n").HasLiveStream);
    }

    [Theory]
    [InlineData("")]
    [InlineData("this is not sdp")]
    [InlineData("o=- 1 1 IN IP4 x\r\nv=0\r\n")]
    [InlineData("v=0\r\nm=video RTP/AVP 96\r\n")]
    [InlineData("v=0\r\nm=video 99999 RTP/AVP 96\r\n")]
    [InlineData("v=0\r\nM=video 0 RTP/AVP 96\r\n")]
    public void Malformed_Sdp_Is_A_Protocol_Error(string text)
    {
        Assert.Throws<RtspProtocolException>(() => SdpParser.Parse(text));
    }

    [Fact]
    public void Any_Text_Either_Parses_Or_Is_A_Protocol_Error()
    {
        var texts =
            from prefix in Gen.Elements("", "v=0\r\n", "v=0\r\nm=", "v=0\r\nm=video ", "v=0\r\na=rtpmap:")
            from tail in ArbMap.Default.GeneratorFor<string>()
            select prefix + tail;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(Arb.From(texts), text =>
        {
            try
            {
                return SdpParser.Parse(text ?? "") is not null;
            }
            catch (RtspProtocolException)
            {
                return true;
            }
        }));
    }

    [Fact]
    public void Digest_Response_Matches_The_Rfc_2617_Example()
    {
        const string challenge = "Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";
        var header = RtspDigestAuthentication.Authorize(challenge, "GET", "/dir/index.html", "Mufasa", "Circle Of Life", "0a4f113b");
        Assert.Contains("response=\"6629fae49393a05397450978507c4ef1\"", header, StringComparison.Ordinal);
        Assert.Contains("nc=00000001", header, StringComparison.Ordinal);
    }

    [Fact]
    public void An_Unknown_Scheme_Or_A_Broken_Challenge_Is_A_Protocol_Error()
    {
        Assert.Throws<RtspProtocolException>(() => RtspDigestAuthentication.Authorize("Negotiate abc", "DESCRIBE", "rtsp://h/", "u", "p"));
        Assert.Throws<RtspProtocolException>(() => RtspDigestAuthentication.Authorize("Digest realm=\"x", "DESCRIBE", "rtsp://h/", "u", "p"));
        Assert.Throws<RtspProtocolException>(() => RtspDigestAuthentication.Authorize("Digest realm=\"x\"", "DESCRIBE", "rtsp://h/", "u", "p"));
    }
}
