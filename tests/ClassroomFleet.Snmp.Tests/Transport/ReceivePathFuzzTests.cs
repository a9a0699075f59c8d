using System.Net;
using System.Net.Sockets;
using ClassroomFleet.Snmp.Tests.Ber;
using ClassroomFleet.Snmp.Tests.Support;

namespace ClassroomFleet.Snmp.Tests.Transport;

/// <summary>
/// Random and mutated real datagrams sent over UDP to the client's socket and to the trap receiver: each is counted,
/// none escapes as anything but a decode error (an escape is counted in InternalErrors), the receive loop keeps
/// running, and a valid datagram sent afterwards is still processed.
/// </summary>
public sealed class ReceivePathFuzzTests
{
    private const int RandomDatagrams = 500;
    private const int MutatedDatagrams = 2500;
    private static readonly Oid SysName = Oid.Parse("1.3.6.1.2.1.1.5.0");

    [Fact]
    public async Task The_Clients_Receive_Loop_Survives_Garbage_And_Still_Answers()
    {
        var log = new CapturingLogger<SnmpClient>();
        await using var client = new SnmpClient(new SnmpClientOptions { LocalEndPoint = "127.0.0.1:0" }, log);
        using var attacker = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        await SendAllAsync(attacker, client.LocalEndPoint, RandomGarbage(seed: 3), () => client.Statistics.DatagramsReceived);
        var malformedFromRandom = client.Statistics.Malformed;
        await SendAllAsync(attacker, client.LocalEndPoint, MutatedCaptures(seed: 4), () => client.Statistics.DatagramsReceived);

        await using var agent = new FakeAgent(request => [FakeAgent.Answer(request, new Variable(SysName, new OctetString("still here")))]);
        var answer = await client.GetAsync(new SnmpTarget(agent.Endpoint) { Timeout = TimeSpan.FromSeconds(3) }, [SysName]);

        var s = client.Statistics;
        Assert.Equal("still here", answer[0].Value.AsText());
        Assert.Equal(RandomDatagrams, malformedFromRandom);
        Assert.Equal(0, s.InternalErrors);
        Assert.Equal(0, log.Count(1206));
        // Nothing was outstanding while the garbage arrived: every datagram was dropped under exactly one counter.
        Assert.Equal(RandomDatagrams + MutatedDatagrams + 1, s.DatagramsReceived);
        Assert.Equal(
            RandomDatagrams + MutatedDatagrams,
            s.Malformed + s.UnknownRequestId + s.WrongEndpoint + s.UnexpectedPdu + s.AuthenticationFailures + s.NotInTimeWindow);
        Assert.True(s.Malformed > RandomDatagrams, "mutations should produce malformed datagrams too");
    }

    [Fact]
    public async Task The_Trap_Receivers_Loop_Survives_Garbage_And_Still_Delivers()
    {
        var log = new CapturingLogger<SnmpTrapReceiver>();
        var options = new SnmpTrapReceiverOptions { ListenEndPoint = "127.0.0.1:0", QueueCapacity = 100_000 };
        options.Communities.Add("public");
        options.Users.Add(new UsmCredentials("cfshaaes", AuthProtocol.Sha1, "authpass123", PrivProtocol.Aes128, "privpass123"));
        options.Users.Add(new UsmCredentials("cfmd5des", AuthProtocol.Md5, "authpass123", PrivProtocol.Des, "privpass123"));
        options.Users.Add(new UsmCredentials("cfauthonly", AuthProtocol.Sha1, "authpass123"));
        await using var receiver = new SnmpTrapReceiver(options, log);
        using var attacker = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        await SendAllAsync(attacker, receiver.LocalEndPoint, RandomGarbage(seed: 5), () => receiver.Statistics.Received);
        var malformedFromRandom = receiver.Statistics.Malformed;
        await SendAllAsync(attacker, receiver.LocalEndPoint, MutatedCaptures(seed: 6), () => receiver.Statistics.Received);
        // Some mutations are still valid notifications and were queued; the honest trap comes from its own port.
        using var honest = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        await honest.SendAsync(Captures.Get("snmptrap-v2c-001-request"), receiver.LocalEndPoint);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        SnmpNotification notification;
        do
        {
            notification = await receiver.ReadAsync(timeout.Token);
        }
        while (notification.Source.Port != ((IPEndPoint)honest.Client.LocalEndPoint!).Port);

        var s = receiver.Statistics;
        Assert.Equal(NotificationKind.Trap, notification.Kind);
        Assert.Equal(RandomDatagrams, malformedFromRandom);
        Assert.Equal(RandomDatagrams + MutatedDatagrams + 1, s.Received);
        Assert.Equal(0, s.InternalErrors);
        Assert.Equal(0, log.Count(1256));
        Assert.True(s.Malformed > RandomDatagrams, "mutations should produce malformed datagrams too");
    }

    /// <summary>Random bytes that do not start with a SEQUENCE tag, so every one is certainly malformed.</summary>
    private static IEnumerable<byte[]> RandomGarbage(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < RandomDatagrams; i++)
        {
            var datagram = new byte[random.Next(1, 600)];
            random.NextBytes(datagram);
            if (datagram[0] == 0x30)
            {
                datagram[0] = 0x31;
            }

            yield return datagram;
        }
    }

    private static IEnumerable<byte[]> MutatedCaptures(int seed)
    {
        var random = new Random(seed);
        var captures = Captures.Load();
        var kinds = Enum.GetValues<MalformedInputFuzzTests.Edit>();
        for (var i = 0; i < MutatedDatagrams; i++)
        {
            var edits = Enumerable.Range(0, random.Next(1, 5))
                .Select(_ => (kinds[random.Next(kinds.Length)], random.Next(), random.Next(256)))
                .ToList();
            var mutated = MalformedInputFuzzTests.Mutate(captures[random.Next(captures.Count)].Bytes, edits);
            yield return mutated.Length == 0 ? [0x00] : mutated;
        }
    }

    /// <summary>Sends in small bursts and waits for each to be counted, so that no datagram is lost in the socket buffer.</summary>
    private static async Task SendAllAsync(UdpClient from, IPEndPoint to, IEnumerable<byte[]> datagrams, Func<long> received)
    {
        var start = received();
        var sent = 0;
        foreach (var datagram in datagrams)
        {
            await from.SendAsync(datagram, to);
            if (++sent % 50 == 0)
            {
                await WaitForAsync(() => received() - start >= sent);
            }
        }

        await WaitForAsync(() => received() - start >= sent);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the receive loop stopped counting datagrams");
            await Task.Delay(5);
        }
    }
}
