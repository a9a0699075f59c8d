using ClassroomFleet.Snmp.Pdus;
using ClassroomFleet.Snmp.Tests.Support;

namespace ClassroomFleet.Snmp.Tests.Transport;

public sealed class SnmpClientBehaviourTests : IAsyncDisposable
{
    private static readonly Oid SysName = Oid.Parse("1.3.6.1.2.1.1.5.0");

    private readonly SnmpClient _client = new(new SnmpClientOptions { LocalEndPoint = "127.0.0.1:0" });

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    [Fact]
    public async Task Answers_With_A_Wrong_RequestId_Or_From_Elsewhere_Are_Dropped_And_Counted()
    {
        await using var agent = new FakeAgent(request =>
        [
            FakeAgent.Answer(request, new Variable(SysName, new OctetString("impostor"))) with { ErrorIndex = FakeAgent.ImpostorMarker },
            FakeAgent.Answer(request, new Variable(SysName, new OctetString("stale"))) with { RequestId = request.RequestId + 7 },
            FakeAgent.Answer(request, new Variable(SysName, new OctetString("genuine"))),
        ]);

        var result = await _client.GetAsync(Target(agent), [SysName]);

        Assert.Equal("genuine", result[0].Value.AsText());
        await WaitUntil(() => _client.Statistics.WrongEndpoint == 1 && _client.Statistics.UnknownRequestId >= 1);
    }

    [Fact]
    public async Task A_Retransmission_Reuses_The_RequestId_So_A_Late_Answer_Counts()
    {
        var seen = 0;
        await using var agent = new FakeAgent(request =>
            Interlocked.Increment(ref seen) == 1 ? [] : [FakeAgent.Answer(request, new Variable(SysName, new OctetString("second")))]);

        var result = await _client.GetAsync(Target(agent) with { Timeout = TimeSpan.FromMilliseconds(200), Retries = 2 }, [SysName]);

        Assert.Equal("second", result[0].Value.AsText());
        Assert.Equal(2, agent.Requests.Count);
        Assert.Equal(agent.Requests[0].RequestId, agent.Requests[1].RequestId);
        Assert.Equal(1, _client.Statistics.Retransmissions);
    }

    [Fact]
    public async Task Retries_Stop_When_The_Budget_Is_Spent()
    {
        await using var agent = new FakeAgent(_ => []);

        var error = await Assert.ThrowsAsync<SnmpException>(() =>
            _client.GetAsync(Target(agent) with { Timeout = TimeSpan.FromMilliseconds(150), Retries = 50, Budget = TimeSpan.FromMilliseconds(400) }, [SysName]));

        Assert.Equal(SnmpErrorKind.Timeout, error.Kind);
        // Only this request's transmissions (same request-id); the port may also catch stray datagrams from parallel tests.
        int attempts;
        lock (agent.Requests)
        {
            attempts = agent.Requests.Count(r => r.RequestId == agent.Requests[0].RequestId);
        }

        // 400 ms of 150 ms attempts: three, at most four; a loaded machine that wakes timers late fits fewer, never more.
        Assert.InRange(attempts, 1, 4);
    }

    [Fact]
    public async Task Cancellation_Ends_A_Pending_Request()
    {
        await using var agent = new FakeAgent(_ => []);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _client.GetAsync(Target(agent) with { Timeout = TimeSpan.FromSeconds(30) }, [SysName], cancel.Token));
    }

    [Fact]
    public async Task TooBig_Splits_The_Get_Until_It_Fits()
    {
        await using var agent = new FakeAgent(request => request.Variables.Count > 2
            ? [new Pdu(PduType.Response, request.RequestId, ErrorStatus.TooBig, 0, request.Variables)]
            : [FakeAgent.Answer(request, [.. request.Variables.Select(v => new Variable(v.Oid, new Integer32((int)v.Oid[^1])))])]);
        var oids = Enumerable.Range(1, 7).Select(i => Oid.Parse($"1.3.6.1.2.1.2.2.1.1.{i}")).ToArray();

        var result = await _client.GetAsync(Target(agent), oids);

        Assert.Equal(oids, result.Select(v => v.Oid));
        Assert.Equal(Enumerable.Range(1, 7), result.Select(v => ((Integer32)v.Value).Value));
    }

    [Fact]
    public async Task A_Walk_That_Does_Not_Increase_Stops_With_A_Typed_Error()
    {
        var root = Oid.Parse("1.3.6.1.2.1.2.2.1.2");
        await using var agent = new FakeAgent(request => [FakeAgent.Answer(request, new Variable(root.Append(1), new OctetString("lo")))]);

        var error = await Assert.ThrowsAsync<SnmpException>(async () =>
        {
            await foreach (var _ in _client.WalkAsync(Target(agent), root))
            {
            }
        });

        Assert.Equal(SnmpErrorKind.NonIncreasingOid, error.Kind);
    }

    [Fact]
    public async Task Bulk_Walk_Halves_MaxRepetitions_On_TooBig()
    {
        var root = Oid.Parse("1.3.6.1.2.1.2.2.1.1");
        await using var agent = new FakeAgent(request => request.MaxRepetitions > 4
            ? [new Pdu(PduType.Response, request.RequestId, ErrorStatus.TooBig, 0, [])]
            : [FakeAgent.Answer(request, new Variable(root.Append(1), new Integer32(1)), new Variable(root.Append(2, 0), EndOfMibView.Instance))]);

        var walked = await SnmpClientBehaviourTestsExtensions.ToListAsync(_client.WalkAsync(Target(agent) with { MaxRepetitions = 20 }, root));

        Assert.Single(walked);
        Assert.Equal([20, 10, 5, 2], agent.Requests.Select(r => r.MaxRepetitions));
    }

    [Fact]
    public async Task Thousands_Of_Outstanding_Requests_Are_Matched_By_RequestId_Even_Out_Of_Order()
    {
        const int Count = 3000;
        await using var client = new SnmpClient(new SnmpClientOptions { LocalEndPoint = "127.0.0.1:0", MaxOutstandingPerAgent = Count });
        using var agent = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        agent.Client.ReceiveBufferSize = 8 * 1024 * 1024;
        var target = new SnmpTarget((System.Net.IPEndPoint)agent.Client.LocalEndPoint!) { Timeout = TimeSpan.FromSeconds(20), Retries = 0 };
        var oids = Enumerable.Range(0, Count).Select(i => Oid.Parse($"1.3.6.1.4.1.99.{i}")).ToArray();

        var requests = oids.Select(oid => client.GetAsync(target, [oid])).ToArray();
        var held = new List<(System.Net.IPEndPoint From, ClassroomFleet.Snmp.Pdus.CommunityMessage Message)>();
        while (held.Count < Count)
        {
            var received = await agent.ReceiveAsync();
            held.Add((received.RemoteEndPoint, ClassroomFleet.Snmp.Pdus.SnmpMessageCodec.DecodeCommunity(received.Buffer)));
        }

        // Every request is outstanding at once; answer them last first, each echoing its OID with its position as value.
        foreach (var (from, message) in Enumerable.Reverse(held))
        {
            var request = (Pdu)message.Pdu;
            var oid = request.Variables[0].Oid;
            var answer = FakeAgent.Answer(request, new Variable(oid, new Integer32((int)oid[^1])));
            using var datagram = ClassroomFleet.Snmp.Pdus.SnmpMessageCodec.EncodeCommunity(message.Version, message.Community.Span, answer);
            await agent.SendAsync(datagram.Memory, from);
        }

        var results = await Task.WhenAll(requests);

        Assert.Equal(Count, held.Select(h => ((Pdu)h.Message.Pdu).RequestId).Distinct().Count());
        for (var i = 0; i < Count; i++)
        {
            Assert.Equal(oids[i], results[i][0].Oid);
            Assert.Equal(i, ((Integer32)results[i][0].Value).Value);
        }
    }

    [Fact]
    public async Task Requests_Beyond_The_Per_Agent_Limit_Wait_For_A_Slot()
    {
        await using var client = new SnmpClient(new SnmpClientOptions { LocalEndPoint = "127.0.0.1:0", MaxOutstandingPerAgent = 2 });
        await using var silent = new FakeAgent(_ => []);
        var target = Target(silent) with { Timeout = TimeSpan.FromMilliseconds(1500), Retries = 0 };

        var calls = Enumerable.Range(0, 6).Select(_ => client.GetAsync(target, [SysName])).ToArray();
        await Task.Delay(250);
        int seenWhileFirstTwoWait;
        lock (silent.Requests)
        {
            seenWhileFirstTwoWait = silent.Requests.Count;
        }

        foreach (var call in calls)
        {
            await Assert.ThrowsAsync<SnmpException>(() => call);
        }

        Assert.Equal(2, seenWhileFirstTwoWait);
        Assert.Equal(6, silent.Requests.Count);
    }

    [Fact]
    public async Task Pacing_Spaces_The_Requests_Of_A_Walk()
    {
        var root = Oid.Parse("1.3.6.1.2.1.2.2.1.1");
        var arrivals = new List<long>();
        await using var agent = new FakeAgent(request =>
        {
            lock (arrivals)
            {
                arrivals.Add(System.Diagnostics.Stopwatch.GetTimestamp());
            }

            var next = request.Variables[0].Oid == root ? 1u : request.Variables[0].Oid[^1] + 1;
            return [FakeAgent.Answer(request, new Variable(next > 3 ? root.Append(9, 9) : root.Append(next), next > 3 ? EndOfMibView.Instance : new Integer32((int)next)))];
        });

        var walked = await SnmpClientBehaviourTestsExtensions.ToListAsync(
            _client.WalkAsync(Target(agent) with { UseGetNext = true, Pacing = TimeSpan.FromMilliseconds(100) }, root));

        Assert.Equal(3, walked.Count);
        Assert.Equal(4, arrivals.Count);
        for (var i = 1; i < arrivals.Count; i++)
        {
            Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(arrivals[i - 1], arrivals[i]) >= TimeSpan.FromMilliseconds(90));
        }
    }

    [Fact]
    public async Task Malformed_Answers_Are_Counted_And_The_Client_Keeps_Working()
    {
        await using var agent = new FakeAgent(request => [FakeAgent.Answer(request, new Variable(SysName, new OctetString("ok")))]);
        using var garbage = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        await garbage.SendAsync(new byte[] { 0x30, 0x84, 0xFF, 0xFF, 0xFF, 0xFF, 0x02 }, _client.LocalEndPoint);
        await garbage.SendAsync(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x07 }, _client.LocalEndPoint);

        var result = await _client.GetAsync(Target(agent), [SysName]);

        Assert.Equal("ok", result[0].Value.AsText());
        await WaitUntil(() => _client.Statistics.Malformed == 2);
    }

    [Fact]
    public void Invalid_Options_Report_Every_Problem_With_Its_Key()
    {
        var result = new SnmpClientOptionsValidator().Validate(null, new SnmpClientOptions { LocalEndPoint = "nowhere", SocketBufferBytes = 10 });

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith("Snmp:Client:LocalEndPoint", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Snmp:Client:SocketBufferBytes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task V3_Without_Credentials_Is_An_Invalid_Request()
    {
        await using var agent = new FakeAgent(_ => []);

        var error = await Assert.ThrowsAsync<SnmpException>(() => _client.GetAsync(Target(agent) with { Version = SnmpVersion.V3 }, [SysName]));

        Assert.Equal(SnmpErrorKind.InvalidRequest, error.Kind);
    }

    private static SnmpTarget Target(FakeAgent agent) => new(agent.Endpoint) { Timeout = TimeSpan.FromSeconds(2) };

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }
}

internal static class SnmpClientBehaviourTestsExtensions
{
    public static async Task<List<Variable>> ToListAsync(IAsyncEnumerable<Variable> source)
    {
        var list = new List<Variable>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
