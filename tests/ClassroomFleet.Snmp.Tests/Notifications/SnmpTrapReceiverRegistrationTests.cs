using System.Net;
using ClassroomFleet.Snmp.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Snmp.Tests.Notifications;

/// <summary>AddSnmpTrapReceiver: configuration bound and validated at start; IPv6 and dual-mode listening with real snmptrap.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "snmpd")] // net-snmp CLI (snmptrap)
public sealed class SnmpTrapReceiverRegistrationTests
{
    private const string LinkDown = "1.3.6.1.6.3.1.1.5.3";

    [Fact]
    public async Task The_Section_Is_Bound_Users_Included_And_An_Ipv6_Receiver_Gets_A_V3_Trap_Over_Udp6()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["Snmp:Traps:ListenEndPoint"] = "[::1]:0",
            ["Snmp:Traps:Communities:0"] = "public",
            ["Snmp:Traps:Users:0:UserName"] = "cfshaaes",
            ["Snmp:Traps:Users:0:AuthProtocol"] = "Sha1",
            ["Snmp:Traps:Users:0:AuthPassword"] = "authpass123",
            ["Snmp:Traps:Users:0:PrivProtocol"] = "Aes128",
            ["Snmp:Traps:Users:0:PrivPassword"] = "privpass123",
            ["Snmp:Traps:QueueCapacity"] = "50",
        });
        await host.StartAsync();
        var receiver = host.Services.GetRequiredService<SnmpTrapReceiver>();
        var address = $"udp6:[::1]:{receiver.LocalEndPoint.Port}";

        await NetSnmpCli.RunAsync("snmptrap", [.. Integration.SnmpdV3Tests.CliSecurity("cfshaaes", "SHA", "AES"), "-e", "0x80001F8803AABBCCDDEE01", address, "", LinkDown]);
        await NetSnmpCli.RunAsync("snmptrap", "-v2c", "-c", "public", address, "", LinkDown);
        var v3 = await NextAsync(receiver);
        var v2c = await NextAsync(receiver);

        Assert.Same(receiver, host.Services.GetRequiredService<SnmpTrapReceiver>());
        Assert.Equal(IPAddress.IPv6Loopback, receiver.LocalEndPoint.Address);
        Assert.Equal(50, host.Services.GetRequiredService<IOptions<SnmpTrapReceiverOptions>>().Value.QueueCapacity);
        Assert.Equal(("cfshaaes", SnmpVersion.V3), (v3.Principal, v3.Version));
        Assert.Equal(Oid.Parse(LinkDown), v3.TrapOid);
        Assert.Equal(IPAddress.IPv6Loopback, v3.Source.Address);
        Assert.Equal("public", v2c.Principal);
        await host.StopAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task Listening_On_Any_Ipv6_Address_Also_Receives_Ipv4_Senders_As_Ipv4()
    {
        var options = new SnmpTrapReceiverOptions { ListenEndPoint = "[::]:0" };
        options.Communities.Add("public");
        await using var receiver = new SnmpTrapReceiver(options);

        await NetSnmpCli.RunAsync("snmptrap", "-v2c", "-c", "public", $"udp:127.0.0.1:{receiver.LocalEndPoint.Port}", "", LinkDown);
        await NetSnmpCli.RunAsync("snmptrap", "-v2c", "-c", "public", $"udp6:[::1]:{receiver.LocalEndPoint.Port}", "", LinkDown);
        var sources = new[] { (await NextAsync(receiver)).Source.Address, (await NextAsync(receiver)).Source.Address };

        Assert.Contains(IPAddress.Loopback, sources);
        Assert.Contains(IPAddress.IPv6Loopback, sources);
    }

    [Fact]
    public async Task Invalid_Configuration_Fails_At_Start_With_Every_Key()
    {
        using var host = Build(new Dictionary<string, string?>
        {
            ["Snmp:Traps:ListenEndPoint"] = "::1:notaport",
            ["Snmp:Traps:EngineId"] = "abc",
            ["Snmp:Traps:QueueCapacity"] = "0",
            ["Snmp:Traps:Users:0:UserName"] = "weak",
            ["Snmp:Traps:Users:0:AuthProtocol"] = "Sha1",
            ["Snmp:Traps:Users:0:AuthPassword"] = "short",
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(error.Failures, f => f.Contains("ListenEndPoint", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("EngineId", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("QueueCapacity", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("Snmp:Traps:Users:0", StringComparison.Ordinal));
        Assert.DoesNotContain(error.Failures, f => f.Contains("short", StringComparison.Ordinal));
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSnmpTrapReceiver();
        return builder.Build();
    }

    private static async Task<SnmpNotification> NextAsync(SnmpTrapReceiver receiver)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return await receiver.ReadAsync(timeout.Token);
    }
}
