using ClassroomFleet.Snmp.Tests.Support;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Snmp.Tests.Integration;

/// <summary>SNMPv3 cases that need snmpd users or engine IDs services.sh does not create: started here on a free port.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "snmpd")]
public sealed class PrivateSnmpdV3Tests
{
    private static readonly Oid SysName = Oid.Parse("1.3.6.1.2.1.1.5.0");

    [Theory]
    [InlineData("cfshaaes256", AuthProtocol.Sha1, PrivProtocol.Aes256, "SHA", "AES-256")]
    [InlineData("cfshaaes192", AuthProtocol.Sha1, PrivProtocol.Aes192, "SHA", "AES-192")]
    [InlineData("cfmd5aes256", AuthProtocol.Md5, PrivProtocol.Aes256, "MD5", "AES-256")]
    [InlineData("cfsha224aes", AuthProtocol.Sha224, PrivProtocol.Aes128, "SHA-224", "AES")]
    [InlineData("cfsha384aes", AuthProtocol.Sha384, PrivProtocol.Aes192, "SHA-384", "AES-192")]
    public async Task Key_Extension_And_Sha2_Variants_Interoperate(string user, AuthProtocol auth, PrivProtocol priv, string netAuth, string netPriv)
    {
        await using var snmpd = await SnmpdProcess.StartAsync($"""
            createUser {user} {netAuth} "authpass123" {netPriv} "privpass123"
            rouser {user} priv
            """);
        await using var client = new SnmpClient(new SnmpClientOptions { LocalEndPoint = "127.0.0.1:0" });

        var result = await client.GetAsync(SnmpdV3Tests.Target(user, auth, priv, snmpd.Endpoint), [SysName]);

        Assert.Equal("cf-test-private-snmpd", result[0].Value.AsText());
    }

    [Fact]
    public async Task Two_Agents_With_The_Same_EngineId_Are_Reported_As_A_Defect_Once()
    {
        const string config = """
            engineID cf-cloned-engine
            createUser cfshaaes SHA "authpass123" AES "privpass123"
            rouser cfshaaes priv
            """;
        await using var first = await SnmpdProcess.StartAsync(config);
        await using var second = await SnmpdProcess.StartAsync(config);
        var log = new CapturingLogger<SnmpClient>();
        await using var client = new SnmpClient(new SnmpClientOptions { LocalEndPoint = "127.0.0.1:0" }, log);
        var atFirst = SnmpdV3Tests.Target("cfshaaes", AuthProtocol.Sha1, PrivProtocol.Aes128, first.Endpoint);
        var atSecond = atFirst with { Endpoint = second.Endpoint };

        await client.GetAsync(atFirst, [SysName]);
        Assert.Equal(0, client.Statistics.DuplicateEngineIds);
        await client.GetAsync(atSecond, [SysName]);
        // Rediscovering the second agent (its engine forgotten, as after an unknown-engine report) is the same defect.
        client.Engines.Forget(second.Endpoint);
        await client.GetAsync(atSecond, [SysName]);
        await client.GetAsync(atFirst, [SysName]);

        Assert.Equal(1, client.Statistics.DuplicateEngineIds);
        var report = Assert.Single(log.Entries, e => e.Id.Id == 1208);
        Assert.Contains(first.Endpoint.ToString(), report.Text, StringComparison.Ordinal);
        Assert.Contains(second.Endpoint.ToString(), report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_The_Agent_Reboots_The_Client_Resynchronises_To_Its_New_Boots()
    {
        await using var snmpd = await SnmpdProcess.StartAsync("""
            createUser cfshaaes SHA "authpass123" AES "privpass123"
            rouser cfshaaes priv
            """);
        await using var client = new SnmpClient(new SnmpClientOptions { LocalEndPoint = "127.0.0.1:0" });
        var target = SnmpdV3Tests.Target("cfshaaes", AuthProtocol.Sha1, PrivProtocol.Aes128, snmpd.Endpoint);
        await client.GetAsync(target, [SysName]);
        Assert.True(client.Engines.TryGet(snmpd.Endpoint, out var engine));
        var bootsBefore = engine.Now().Boots;

        // Our next request still carries the old boots; snmpd answers with an authenticated usmStatsNotInTimeWindows report.
        await snmpd.RestartAsync();
        var result = await client.GetAsync(target, [SysName]);

        Assert.Equal("cf-test-private-snmpd", result[0].Value.AsText());
        Assert.True(client.Engines.TryGet(snmpd.Endpoint, out var after));
        Assert.Same(engine, after);
        Assert.Equal(bootsBefore + 1, engine.Now().Boots);
        Assert.Equal(2, client.Statistics.EngineResynchronisations);
        Assert.Equal(0, client.Statistics.NotInTimeWindow);
    }

    [Fact]
    public async Task An_Agent_That_Comes_Back_With_Another_EngineId_Is_Rediscovered()
    {
        const string user = """
            createUser cfshaaes SHA "authpass123" AES "privpass123"
            rouser cfshaaes priv
            """;
        await using var snmpd = await SnmpdProcess.StartAsync("engineID cf-engine-before\n" + user);
        await using var client = new SnmpClient(new SnmpClientOptions { LocalEndPoint = "127.0.0.1:0" });
        var target = SnmpdV3Tests.Target("cfshaaes", AuthProtocol.Sha1, PrivProtocol.Aes128, snmpd.Endpoint);
        await client.GetAsync(target, [SysName]);
        Assert.True(client.Engines.TryGet(snmpd.Endpoint, out var before));

        // Requests to the old engine ID get an (unauthenticated) usmStatsUnknownEngineIDs report carrying the new one.
        await snmpd.RestartAsync("engineID cf-engine-after\n" + user);
        var result = await client.GetAsync(target, [SysName]);

        Assert.Equal("cf-test-private-snmpd", result[0].Value.AsText());
        Assert.True(client.Engines.TryGet(snmpd.Endpoint, out var after));
        Assert.NotEqual(Convert.ToHexString(before.EngineId), Convert.ToHexString(after.EngineId));
        Assert.Equal(2, client.Statistics.EngineResynchronisations);
        Assert.Equal(0, client.Statistics.DuplicateEngineIds);
    }

    [Fact]
    public async Task A_Client_Whose_Engine_Clock_Is_Off_Resynchronises_On_NotInTimeWindows()
    {
        await using var snmpd = await SnmpdProcess.StartAsync("""
            createUser cfshaaes SHA "authpass123" AES "privpass123"
            rouser cfshaaes priv
            """);
        await using var client = new SnmpClient(new SnmpClientOptions { LocalEndPoint = "127.0.0.1:0" });
        var target = SnmpdV3Tests.Target("cfshaaes", AuthProtocol.Sha1, PrivProtocol.Aes128, snmpd.Endpoint);
        await client.GetAsync(target, [SysName]);
        Assert.True(client.Engines.TryGet(snmpd.Endpoint, out var engine));
        var (boots, time) = engine.Now();
        // RFC 3414 §3.2 step 7a: more than 150 s off makes the agent answer with an authenticated usmStatsNotInTimeWindows report.
        engine.Set(boots, time + 1000);
        var before = client.Statistics.EngineResynchronisations;

        var result = await client.GetAsync(target, [SysName]);

        Assert.Equal("cf-test-private-snmpd", result[0].Value.AsText());
        Assert.Equal(before + 1, client.Statistics.EngineResynchronisations);
        Assert.InRange(engine.Now().Time, time - 5, time + 5);
    }
}
