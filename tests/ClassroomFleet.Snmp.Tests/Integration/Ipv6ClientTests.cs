using System.Net;
using System.Net.Sockets;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Snmp.Tests.Integration;

/// <summary>The client over IPv6: a private snmpd that also listens on udp6 [::1].</summary>
[Trait("Category", "Integration")]
[Trait("requires", "snmpd")]
public sealed class Ipv6ClientTests
{
    private static readonly Oid SysName = Oid.Parse("1.3.6.1.2.1.1.5.0");

    [Fact]
    public async Task V2c_And_V3_Requests_Reach_An_Agent_On_Ipv6_Loopback()
    {
        var port = FreeUdp6Port();
        await using var snmpd = await SnmpdProcess.StartAsync($"""
            agentAddress udp6:[::1]:{port}
            rocommunity6 public ::1
            createUser cfshaaes SHA "authpass123" AES "privpass123"
            rouser cfshaaes priv
            """);
        await using var client = new SnmpClient(new SnmpClientOptions { LocalEndPoint = "[::1]:0" });
        var agent = new IPEndPoint(IPAddress.IPv6Loopback, port);

        var v2c = await client.GetAsync(new SnmpTarget(agent) { Timeout = TimeSpan.FromSeconds(3) }, [SysName]);
        var v3 = await client.GetAsync(SnmpdV3Tests.Target("cfshaaes", AuthProtocol.Sha1, PrivProtocol.Aes128, agent), [SysName]);

        Assert.Equal("cf-test-private-snmpd", v2c[0].Value.AsText());
        Assert.Equal("cf-test-private-snmpd", v3[0].Value.AsText());
        Assert.Equal(0, client.Statistics.WrongEndpoint);
    }

    [Fact]
    public async Task A_Client_Bound_To_Any_Ipv6_Address_Also_Reaches_Ipv4_Agents()
    {
        await using var client = new SnmpClient(new SnmpClientOptions { LocalEndPoint = "[::]:0" });

        var v2c = await client.GetAsync(new SnmpTarget(ServiceEndpoints.Snmpd) { Timeout = TimeSpan.FromSeconds(3) }, [SysName]);
        var v3 = await client.GetAsync(SnmpdV3Tests.Target("cfshaaes", AuthProtocol.Sha1, PrivProtocol.Aes128), [SysName]);

        Assert.Equal("cf-test-snmpd", v2c[0].Value.AsText());
        Assert.Equal("cf-test-snmpd", v3[0].Value.AsText());
        Assert.Equal(0, client.Statistics.WrongEndpoint);
    }

    private static int FreeUdp6Port()
    {
        using var socket = new Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
