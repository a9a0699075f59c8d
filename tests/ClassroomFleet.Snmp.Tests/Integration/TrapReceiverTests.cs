using ClassroomFleet.Snmp.Tests.Support;

namespace ClassroomFleet.Snmp.Tests.Integration;

/// <summary>Traps and informs sent by net-snmp's snmptrap / snmpinform to our receiver.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "snmpd")] // net-snmp CLI (snmptrap, snmpinform) from the same install
public sealed class TrapReceiverTests : IAsyncDisposable
{
    private static readonly Oid LinkDown = Oid.Parse("1.3.6.1.6.3.1.1.5.3");
    private static readonly Oid IfIndex2 = Oid.Parse("1.3.6.1.2.1.2.2.1.1.2");

    private readonly SnmpTrapReceiver _receiver;

    public TrapReceiverTests()
    {
        var options = new SnmpTrapReceiverOptions { ListenEndPoint = "127.0.0.1:0" };
        options.Communities.Add("public");
        options.Users.Add(new UsmCredentials("cfshaaes", AuthProtocol.Sha1, "authpass123", PrivProtocol.Aes128, "privpass123"));
        options.Users.Add(new UsmCredentials("cfmd5des", AuthProtocol.Md5, "authpass123", PrivProtocol.Des, "privpass123"));
        options.Users.Add(new UsmCredentials("cfsha256aes256", AuthProtocol.Sha256, "authpass123", PrivProtocol.Aes256, "privpass123"));
        options.Users.Add(new UsmCredentials("cfauthonly", AuthProtocol.Sha1, "authpass123"));
        _receiver = new SnmpTrapReceiver(options);
    }

    private string Address => _receiver.LocalEndPoint.ToString();

    public ValueTask DisposeAsync() => _receiver.DisposeAsync();

    [Fact]
    public async Task V2c_Trap_Is_Received_With_Its_TrapOid_And_Bindings()
    {
        await NetSnmpCli.RunAsync("snmptrap", "-v2c", "-c", "public", Address, "", LinkDown.ToString(), IfIndex2.ToString(), "i", "2");

        var notification = await NextAsync();

        Assert.Equal(NotificationKind.Trap, notification.Kind);
        Assert.Equal(SnmpVersion.V2c, notification.Version);
        Assert.Equal(LinkDown, notification.TrapOid);
        Assert.Contains(notification.Variables, v => v.Oid == IfIndex2 && v.Value == new Integer32(2));
    }

    [Fact]
    public async Task V2c_Inform_Is_Acknowledged_So_Snmpinform_Exits_Successfully()
    {
        await NetSnmpCli.RunAsync("snmpinform", "-v2c", "-c", "public", "-t", "2", "-r", "0", Address, "", LinkDown.ToString(), IfIndex2.ToString(), "i", "2");

        var notification = await NextAsync();

        Assert.Equal(NotificationKind.Inform, notification.Kind);
        Assert.Equal(1, _receiver.Statistics.InformsAcknowledged);
    }

    [Theory]
    [InlineData("v2c")]
    [InlineData("v3")]
    public async Task An_Inform_Dropped_On_A_Full_Queue_Is_Not_Acknowledged_So_The_Sender_Sees_A_Timeout(string version)
    {
        var options = new SnmpTrapReceiverOptions { ListenEndPoint = "127.0.0.1:0", QueueCapacity = 1 };
        options.Communities.Add("public");
        options.Users.Add(new UsmCredentials("cfshaaes", AuthProtocol.Sha1, "authpass123", PrivProtocol.Aes128, "privpass123"));
        await using var receiver = new SnmpTrapReceiver(options);
        string[] security = version == "v2c" ? ["-v2c", "-c", "public"] : SnmpdV3Tests.CliSecurity("cfshaaes", "SHA", "AES");
        string[] Inform(string name) =>
            [.. security, "-t", "1", "-r", "0", receiver.LocalEndPoint.ToString(), "", LinkDown.ToString(), "1.3.6.1.2.1.1.5.0", "s", name];

        // The first fills the queue (nobody reads yet) and is acknowledged; the second finds it full.
        await NetSnmpCli.RunAsync("snmpinform", Inform("first"));
        var unacknowledged = await Assert.ThrowsAsync<InvalidOperationException>(() => NetSnmpCli.RunAsync("snmpinform", Inform("second")));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var first = await receiver.ReadAsync(timeout.Token);
        await NetSnmpCli.RunAsync("snmpinform", Inform("third"));
        var third = await receiver.ReadAsync(timeout.Token);

        Assert.Contains("Timeout", unacknowledged.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("first", first.Variables[^1].Value.AsText());
        Assert.Equal("third", third.Variables[^1].Value.AsText());
        Assert.Equal(2, receiver.Statistics.InformsAcknowledged);
        Assert.Equal(1, receiver.Statistics.QueueFull);
    }

    [Fact]
    public async Task V1_Trap_Maps_Enterprise_Specific_To_A_V2_TrapOid()
    {
        await NetSnmpCli.RunAsync("snmptrap", "-v1", "-c", "public", Address, "1.3.6.1.4.1.8072.2.3", "127.0.0.1", "6", "17", "", "1.3.6.1.2.1.1.5.0", "s", "panel-3");

        var notification = await NextAsync();

        Assert.Equal(NotificationKind.TrapV1, notification.Kind);
        Assert.Equal(17, notification.V1Trap!.SpecificTrap);
        Assert.Equal(Oid.Parse("1.3.6.1.4.1.8072.2.3.0.17"), notification.TrapOid);
        Assert.Equal("panel-3", notification.Variables[0].Value.AsText());
    }

    [Theory]
    [InlineData("cfshaaes", "SHA", "AES")]
    [InlineData("cfmd5des", "MD5", "DES")]
    [InlineData("cfauthonly", "SHA", "")]
    public async Task V3_Trap_From_The_Senders_Engine_Is_Authenticated_And_Decrypted(string user, string auth, string priv)
    {
        await NetSnmpCli.RunAsync("snmptrap", [.. SnmpdV3Tests.CliSecurity(user, auth, priv), "-e", "0x80001F8803AABBCCDDEEFF", Address, "", LinkDown.ToString(), IfIndex2.ToString(), "i", "2"]);

        var notification = await NextAsync();

        Assert.Equal(SnmpVersion.V3, notification.Version);
        Assert.Equal(user, notification.Principal);
        Assert.Equal(LinkDown, notification.TrapOid);
    }

    [Theory]
    [InlineData("cfshaaes", "SHA", "AES")]
    [InlineData("cfsha256aes256", "SHA-256", "AES-256")]
    [InlineData("cfmd5des", "MD5", "DES")]
    public async Task V3_Inform_Discovers_Our_Engine_And_Is_Acknowledged(string user, string auth, string priv)
    {
        await NetSnmpCli.RunAsync("snmpinform", [.. SnmpdV3Tests.CliSecurity(user, auth, priv), "-t", "2", "-r", "0", Address, "", LinkDown.ToString(), IfIndex2.ToString(), "i", "2"]);

        var notification = await NextAsync();

        Assert.Equal(NotificationKind.Inform, notification.Kind);
        Assert.Equal(SnmpVersion.V3, notification.Version);
        Assert.True(_receiver.Statistics.ReportsSent >= 1);
        Assert.Equal(1, _receiver.Statistics.InformsAcknowledged);
    }

    [Fact]
    public async Task Wrong_Community_And_Wrong_Password_Are_Dropped_And_Counted()
    {
        await NetSnmpCli.RunAsync("snmptrap", "-v2c", "-c", "intruder", Address, "", LinkDown.ToString());
        await NetSnmpCli.RunAsync("snmptrap", [.. SnmpdV3Tests.CliSecurity("cfauthonly", "SHA", ""), "-A", "not-the-password", "-e", "0x80001F8803AABBCCDDEEFF", Address, "", LinkDown.ToString()]);
        await NetSnmpCli.RunAsync("snmptrap", "-v2c", "-c", "public", Address, "", LinkDown.ToString());

        var notification = await NextAsync();

        Assert.Equal("public", notification.Principal);
        Assert.Equal(1, _receiver.Statistics.UnknownCommunity);
        Assert.Equal(1, _receiver.Statistics.SecurityFailures);
        Assert.Equal(1, _receiver.Statistics.Delivered);
    }

    [Fact]
    public async Task Garbage_Is_Counted_And_The_Receiver_Keeps_Receiving()
    {
        using var sender = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        await sender.SendAsync(new byte[] { 0x30, 0x80, 0x00, 0x00 }, _receiver.LocalEndPoint);
        await sender.SendAsync(new byte[] { 0xFF }, _receiver.LocalEndPoint);
        await NetSnmpCli.RunAsync("snmptrap", "-v2c", "-c", "public", Address, "", LinkDown.ToString());

        var notification = await NextAsync();

        Assert.Equal(LinkDown, notification.TrapOid);
        Assert.Equal(2, _receiver.Statistics.Malformed);
    }

    [Fact]
    public async Task A_V1_Trap_Pdu_In_A_V2c_Message_Is_Rejected_And_Counted()
    {
        using var sender = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        await sender.SendAsync(Ber.BerCodecTests.V1TrapRelabelledAsV2c(), _receiver.LocalEndPoint);
        await NetSnmpCli.RunAsync("snmptrap", "-v2c", "-c", "public", Address, "", LinkDown.ToString());

        var notification = await NextAsync();

        Assert.Equal(NotificationKind.Trap, notification.Kind);
        Assert.Equal(1, _receiver.Statistics.Malformed);
        Assert.Equal(1, _receiver.Statistics.Delivered);
    }

    [Fact]
    public void Options_Without_Communities_Or_Users_Or_With_A_Bad_EngineId_Are_Rejected()
    {
        var options = new SnmpTrapReceiverOptions { ListenEndPoint = "x", EngineId = "123" };
        options.Users.Add(new UsmCredentials("u", AuthProtocol.Sha1, "short"));

        var result = new SnmpTrapReceiverOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.Contains("ListenEndPoint", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("EngineId", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Snmp:Traps:Users:0", StringComparison.Ordinal));
    }

    private async Task<SnmpNotification> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return await _receiver.ReadAsync(timeout.Token);
    }
}
