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
        Assert.InRange(agent.Requests.Count, 2, 4);
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
