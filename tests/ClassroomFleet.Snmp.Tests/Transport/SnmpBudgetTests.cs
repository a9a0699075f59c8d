using System.Diagnostics;
using ClassroomFleet.Snmp.Tests.Support;

namespace ClassroomFleet.Snmp.Tests.Transport;

/// <summary>One <see cref="SnmpBudget"/> shared by every call of a device poll, against an endpoint that never answers.</summary>
public sealed class SnmpBudgetTests : IAsyncDisposable
{
    private static readonly Oid SysName = Oid.Parse("1.3.6.1.2.1.1.5.0");
    private static readonly Oid IfDescr = Oid.Parse("1.3.6.1.2.1.2.2.1.2");

    private readonly SnmpClient _client = new(new SnmpClientOptions { LocalEndPoint = "127.0.0.1:0" });

    public ValueTask DisposeAsync() => _client.DisposeAsync();

    [Fact]
    public async Task Calls_Sharing_A_Budget_Stop_Retrying_When_It_Is_Spent_And_Later_Calls_Send_Nothing()
    {
        await using var silent = new FakeAgent(_ => []);
        var target = new SnmpTarget(silent.Endpoint) { Timeout = TimeSpan.FromMilliseconds(200), Retries = 20 };
        var budget = SnmpBudget.Start(TimeSpan.FromMilliseconds(700));
        var clock = Stopwatch.StartNew();

        var get = await Assert.ThrowsAsync<SnmpException>(() => _client.GetAsync(target, [SysName], budget));
        // The budget is spent already; the pause only lets the agent's loop record the last datagram sent.
        await Task.Delay(200);
        var sentByGet = Sent(silent);
        var walk = await Assert.ThrowsAsync<SnmpException>(async () =>
        {
            await foreach (var _ in _client.WalkAsync(target, IfDescr, budget))
            {
            }
        });
        var table = await Assert.ThrowsAsync<SnmpException>(() => _client.GetTableAsync(target, [IfDescr], budget));
        var elapsed = clock.Elapsed - TimeSpan.FromMilliseconds(200);

        Assert.All([get, walk, table], e => Assert.Equal(SnmpErrorKind.Timeout, e.Kind));
        Assert.Contains("budget", get.Message, StringComparison.Ordinal);
        // 700 ms of 200 ms attempts: four transmissions at most (fewer when a loaded machine wakes timers late), all by
        // the first call; 20 retries would need 4.2 s.
        Assert.InRange(sentByGet, 1, 4);
        Assert.Equal(sentByGet, Sent(silent));
        Assert.True(budget.IsSpent);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"the poll took {elapsed}");
    }

    [Fact]
    public async Task A_Per_Call_Budget_Shorter_Than_The_Shared_One_Still_Applies()
    {
        await using var silent = new FakeAgent(_ => []);
        var target = new SnmpTarget(silent.Endpoint) { Timeout = TimeSpan.FromMilliseconds(100), Retries = 20, Budget = TimeSpan.FromMilliseconds(250) };
        var budget = SnmpBudget.Start(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<SnmpException>(() => _client.GetAsync(target, [SysName], budget));

        Assert.InRange(Sent(silent), 1, 3);
        Assert.False(budget.IsSpent);
    }

    [Fact]
    public async Task Pacing_Is_Cut_To_The_Budget()
    {
        var root = Oid.Parse("1.3.6.1.2.1.2.2.1.1");
        await using var agent = new FakeAgent(request =>
            [FakeAgent.Answer(request, new Variable(request.Variables[0].Oid.Append(1), new Integer32(1)))]);
        var target = new SnmpTarget(agent.Endpoint) { UseGetNext = true, Pacing = TimeSpan.FromSeconds(5) };
        var budget = SnmpBudget.Start(TimeSpan.FromMilliseconds(400));
        var clock = Stopwatch.StartNew();
        var walked = 0;

        var error = await Assert.ThrowsAsync<SnmpException>(async () =>
        {
            await foreach (var _ in _client.WalkAsync(target, root, budget))
            {
                walked++;
            }
        });

        Assert.Equal(SnmpErrorKind.Timeout, error.Kind);
        Assert.Equal(1, walked);
        Assert.Equal(1, Sent(agent));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"a 5 s pause was not cut to the 400 ms budget: {clock.Elapsed}");
    }

    [Fact]
    public void A_Budget_Must_Be_Positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SnmpBudget.Start(TimeSpan.Zero));

    private static int Sent(FakeAgent agent)
    {
        lock (agent.Requests)
        {
            return agent.Requests.Count;
        }
    }
}
