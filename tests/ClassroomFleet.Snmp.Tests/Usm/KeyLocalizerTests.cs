using System.Text;
using ClassroomFleet.Snmp.Usm;

namespace ClassroomFleet.Snmp.Tests.Usm;

public sealed class KeyLocalizerTests
{
    private static readonly byte[] EngineId = Convert.FromHexString("000000000000000000000002");

    // RFC 3414 A.3.1 and A.3.2: password "maplesyrup", engine ID 00...02.
    [Theory]
    [InlineData(AuthProtocol.Md5, "9faf3283884e92834ebc9847d8edd963", "526f5eed9fcce26f8964c2930787d82b")]
    [InlineData(AuthProtocol.Sha1, "9fb5cc0381497b3793528939ff788d5d79145211", "6695febc9288e36282235fc7151f128497b38f3f")]
    public void Rfc3414_Appendix_A3_Vectors(AuthProtocol protocol, string ku, string kul)
    {
        var master = KeyLocalizer.PasswordToKey(protocol, "maplesyrup");

        Assert.Equal(ku, Convert.ToHexStringLower(master));
        Assert.Equal(kul, Convert.ToHexStringLower(KeyLocalizer.Localize(protocol, master, EngineId)));
    }

    [Fact]
    public void Sha224_Matches_The_Fips_180_Example()
    {
        var digest = new byte[28];

        Sha224.HashData(Encoding.ASCII.GetBytes("abc"), digest);

        Assert.Equal("23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7", Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void Sha224_Handles_Inputs_Across_Block_Boundaries()
    {
        var digest = new byte[28];

        Sha224.HashData(Encoding.ASCII.GetBytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"), digest);

        Assert.Equal("75388b16512776cc5dba5da1fd890150b0c6455cb4f58b1952522525", Convert.ToHexStringLower(digest));
    }

    [Fact]
    public void Privacy_Key_Is_Extended_By_Hashing_As_Blumenthal_Draft_Says()
    {
        var kul = KeyLocalizer.Localize(AuthProtocol.Sha1, KeyLocalizer.PasswordToKey(AuthProtocol.Sha1, "maplesyrup"), EngineId);
#pragma warning disable CA5350 // SHA-1 is what the key extension uses for a SHA-1 user.
        var hash = System.Security.Cryptography.SHA1.HashData(kul);
#pragma warning restore CA5350

        var extended = KeyLocalizer.FitPrivacyKey(AuthProtocol.Sha1, kul, 32);

        Assert.Equal([.. kul, .. hash.AsSpan(0, 12)], extended);
        Assert.Equal(kul.AsSpan(0, 16).ToArray(), KeyLocalizer.FitPrivacyKey(AuthProtocol.Sha1, kul, 16));
    }
}
