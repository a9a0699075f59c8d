using ClassroomFleet.Snmp.Tests.Support;
using ClassroomFleet.Snmp.Usm;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Snmp.Tests.Integration;

/// <summary>
/// Every log entry (all levels, formatted text and structured values) and every error message of a session full of
/// successes and failures against the real snmpd and snmptrap, searched for the secrets involved.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "snmpd")]
public sealed class CredentialLoggingTests
{
    private const string AuthPassword = "authpass123";
    private const string PrivPassword = "privpass123";
    private const string WrongPassword = "cf-wrong-secret-pw";
    private const string WrongCommunity = "cf-secret-community";
    private const string TrapCommunity = "cf-trap-community";
    private static readonly Oid SysName = Oid.Parse("1.3.6.1.2.1.1.5.0");

    [Fact]
    public async Task No_Password_Community_Or_Localised_Key_Appears_In_Logs_Or_Errors()
    {
        var clientLog = new CapturingLogger<SnmpClient>();
        var receiverLog = new CapturingLogger<SnmpTrapReceiver>();
        var errors = new List<string>();
        await using var client = new SnmpClient(new SnmpClientOptions { LocalEndPoint = "127.0.0.1:0" }, clientLog);
        var good = SnmpdV3Tests.Target("cfshaaes", AuthProtocol.Sha1, PrivProtocol.Aes128) with { Timeout = TimeSpan.FromMilliseconds(500), Retries = 0 };
        await client.GetAsync(good, [SysName]);
        await Capture(errors, () => client.GetAsync(good with { Credentials = new UsmCredentials("cfshaaes", AuthProtocol.Sha1, WrongPassword, PrivProtocol.Aes128, PrivPassword) }, [SysName]));
        await Capture(errors, () => client.GetAsync(good with { Credentials = new UsmCredentials("cfshaaes", AuthProtocol.Sha1, AuthPassword, PrivProtocol.Aes128, WrongPassword) }, [SysName]));
        await Capture(errors, () => client.GetAsync(good with { Credentials = new UsmCredentials("cf-nobody", AuthProtocol.Sha1, AuthPassword, PrivProtocol.Aes128, PrivPassword) }, [SysName]));
        await Capture(errors, () => client.GetAsync(new SnmpTarget(ServiceEndpoints.Snmpd, SnmpVersion.V2c, WrongCommunity) { Timeout = TimeSpan.FromMilliseconds(300), Retries = 1 }, [SysName]));

        var options = new SnmpTrapReceiverOptions { ListenEndPoint = "127.0.0.1:0" };
        options.Communities.Add(TrapCommunity);
        options.Users.Add(new UsmCredentials("cfshaaes", AuthProtocol.Sha1, AuthPassword, PrivProtocol.Aes128, PrivPassword));
        await using (var receiver = new SnmpTrapReceiver(options, receiverLog))
        {
            var address = receiver.LocalEndPoint.ToString();
            await NetSnmpCli.RunAsync("snmptrap", "-v2c", "-c", WrongCommunity, address, "", "1.3.6.1.6.3.1.1.5.3");
            await NetSnmpCli.RunAsync("snmptrap", "-v3", "-l", "authPriv", "-u", "cfshaaes", "-a", "SHA", "-A", WrongPassword, "-x", "AES", "-X", PrivPassword,
                "-e", "0x80001F8803AABBCCDDEE02", address, "", "1.3.6.1.6.3.1.1.5.3");
            await NetSnmpCli.RunAsync("snmpinform", [.. SnmpdV3Tests.CliSecurity("cfshaaes", "SHA", "AES"), address, "", "1.3.6.1.6.3.1.1.5.3"]);
            await NetSnmpCli.RunAsync("snmptrap", "-v2c", "-c", TrapCommunity, address, "", "1.3.6.1.6.3.1.1.5.3");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await receiver.ReadAsync(timeout.Token);
            await receiver.ReadAsync(timeout.Token);
            Assert.Equal(1, receiver.Statistics.UnknownCommunity);
            Assert.True(receiver.Statistics.SecurityFailures >= 1);
        }

        Assert.True(client.Engines.TryGet(ServiceEndpoints.Snmpd, out var engine));
        var keys = new KeyCache().Get(good.Credentials!, engine.EngineId);
        string[] secrets =
        [
            AuthPassword, PrivPassword, WrongPassword, WrongCommunity, TrapCommunity,
            Convert.ToHexString(keys.AuthKey), Convert.ToHexString(keys.PrivKey),
        ];
        var everything = clientLog.Entries.Select(e => e.Text).Concat(receiverLog.Entries.Select(e => e.Text)).Concat(errors).ToList();

        // The session did produce the failure logs being searched: timeouts, security failures, unknown community.
        Assert.Equal(4, errors.Count);
        Assert.Contains(clientLog.Entries, e => e.Id.Id == 1205);
        Assert.Contains(receiverLog.Entries, e => e.Id.Id == 1252);
        Assert.Contains(receiverLog.Entries, e => e.Id.Id == 1253);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(everything, text => text.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static async Task Capture(List<string> errors, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<SnmpException>(call);
        errors.Add(error.ToString());
    }
}
