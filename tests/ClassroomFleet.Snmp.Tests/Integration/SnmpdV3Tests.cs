using ClassroomFleet.Snmp.Tests.Support;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Snmp.Tests.Integration;

/// <summary>SNMPv3 against the users scripts/services.sh creates in snmpd.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "snmpd")]
public sealed class SnmpdV3Tests : IAsyncDisposable
{
    private const string AuthPassword = "authpass123";
    private const string PrivPassword = "privpass123";
    private static readonly Oid SysName = Oid.Parse("1.3.6.1.2.1.1.5.0");
    private static readonly Oid IfTable = Oid.Parse("1.3.6.1.2.1.2.2");

    private readonly SnmpClient _client = new(new SnmpClientOptions { LocalEndPoint = "127.0.0.1:0" });

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    public static TheoryData<string, AuthProtocol, PrivProtocol, string, string> Users => new()
    {
        { "cfmd5des", AuthProtocol.Md5, PrivProtocol.Des, "MD5", "DES" },
        { "cfshaaes", AuthProtocol.Sha1, PrivProtocol.Aes128, "SHA", "AES" },
        { "cfsha256aes256", AuthProtocol.Sha256, PrivProtocol.Aes256, "SHA-256", "AES-256" },
        { "cfsha512aes", AuthProtocol.Sha512, PrivProtocol.Aes128, "SHA-512", "AES" },
        { "cfauthonly", AuthProtocol.Sha1, PrivProtocol.None, "SHA", "" },
        { "cfnoauth", AuthProtocol.None, PrivProtocol.None, "", "" },
    };

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Get_And_BulkWalk_Match_NetSnmp_For_Each_User(string user, AuthProtocol auth, PrivProtocol priv, string netAuth, string netPriv)
    {
        var target = Target(user, auth, priv);
        var cli = CliSecurity(user, netAuth, netPriv);
        var expected = NetSnmpCli.ParseWalk(await NetSnmpCli.RunAsync("snmpbulkwalk", [.. cli, "-On", "-Ot", ServiceEndpoints.Snmpd.ToString(), IfTable.ToString()]));

        var name = await _client.GetAsync(target, [SysName]);
        var walk = await SnmpdV2cTests.ToListAsync(_client.WalkAsync(target, IfTable));

        Assert.Equal("cf-test-snmpd", name[0].Value.AsText());
        SnmpdV2cTests.AssertSameWalk(expected, walk);
    }

    [Fact]
    public async Task Wrong_Auth_Password_Is_An_Authentication_Error_Not_A_Timeout()
    {
        var target = Target("cfshaaes", AuthProtocol.Sha1, PrivProtocol.Aes128) with
        {
            Credentials = new UsmCredentials("cfshaaes", AuthProtocol.Sha1, "wrong-password", PrivProtocol.Aes128, PrivPassword),
        };

        var error = await Assert.ThrowsAsync<SnmpException>(() => _client.GetAsync(target, [SysName]));

        Assert.Equal(SnmpErrorKind.Authentication, error.Kind);
        Assert.Contains("WrongDigests", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_User_Is_An_Authentication_Error()
    {
        var target = Target("nobody-here", AuthProtocol.Sha1, PrivProtocol.Aes128);

        var error = await Assert.ThrowsAsync<SnmpException>(() => _client.GetAsync(target, [SysName]));

        Assert.Equal(SnmpErrorKind.Authentication, error.Kind);
        Assert.Contains("UnknownUserNames", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthNoPriv_For_A_Priv_Only_User_Is_Refused_With_AuthorizationError()
    {
        var target = Target("cfshaaes", AuthProtocol.Sha1, PrivProtocol.None);

        var error = await Assert.ThrowsAsync<SnmpException>(() => _client.GetAsync(target, [SysName]));

        Assert.Equal(SnmpErrorKind.ErrorStatus, error.Kind);
        Assert.Equal(ErrorStatus.AuthorizationError, error.ErrorStatus);
    }

    [Fact]
    public async Task Engine_Is_Discovered_Once_And_Reused()
    {
        var target = Target("cfshaaes", AuthProtocol.Sha1, PrivProtocol.Aes128);

        await _client.GetAsync(target, [SysName]);
        var afterFirst = _client.Statistics.EngineResynchronisations;
        await _client.GetAsync(target, [SysName]);
        await _client.GetAsync(target with { Credentials = new UsmCredentials("cfmd5des", AuthProtocol.Md5, AuthPassword, PrivProtocol.Des, PrivPassword) }, [SysName]);

        Assert.Equal(1, afterFirst);
        Assert.Equal(1, _client.Statistics.EngineResynchronisations);
        Assert.Equal(0, _client.Statistics.AuthenticationFailures);
    }

    [Fact]
    public void Credentials_Never_Show_Passwords()
    {
        var credentials = new UsmCredentials("u", AuthProtocol.Sha1, "secret-auth-1", PrivProtocol.Aes128, "secret-priv-1");
        var target = Target("u", AuthProtocol.Sha1, PrivProtocol.Aes128) with { Credentials = credentials };

        Assert.DoesNotContain("secret", credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", target.ToString(), StringComparison.Ordinal);
    }

    internal static SnmpTarget Target(string user, AuthProtocol auth, PrivProtocol priv, System.Net.IPEndPoint? endpoint = null) =>
        new(endpoint ?? ServiceEndpoints.Snmpd, SnmpVersion.V3)
        {
            Credentials = new UsmCredentials(
                user, auth, auth == AuthProtocol.None ? null : AuthPassword, priv, priv == PrivProtocol.None ? null : PrivPassword),
        };

    internal static string[] CliSecurity(string user, string netAuth, string netPriv) =>
        netAuth.Length == 0 ? ["-v3", "-l", "noAuthNoPriv", "-u", user]
        : netPriv.Length == 0 ? ["-v3", "-l", "authNoPriv", "-u", user, "-a", netAuth, "-A", AuthPassword]
        : ["-v3", "-l", "authPriv", "-u", user, "-a", netAuth, "-A", AuthPassword, "-x", netPriv, "-X", PrivPassword];
}
