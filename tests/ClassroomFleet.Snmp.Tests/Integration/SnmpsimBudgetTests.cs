using ClassroomFleet.Testing;

namespace ClassroomFleet.Snmp.Tests.Integration;

/// <summary>A device poll's shared budget against a real, slow agent: snmpsim's delay variation holds each answer back.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "snmpsim")]
public sealed class SnmpsimBudgetTests
{
    private static readonly Oid SysName = Oid.Parse("1.3.6.1.2.1.1.5.0");
    private static readonly Oid SysLocation = Oid.Parse("1.3.6.1.2.1.1.6.0");

    [Fact]
    public async Task A_Slow_Agent_Uses_Up_The_Shared_Budget_And_The_Last_Call_Fails_Without_Exceeding_It()
    {
        await using var snmpsim = await SnmpsimProcess.StartAsync(
            new Dictionary<string, string>
            {
                ["fast"] = "1.3.6.1.2.1.1.5.0|4|probe\n",
                ["slow"] = "1.3.6.1.2.1.1.5.0|4:delay|value=slow-switch,wait=300\n1.3.6.1.2.1.1.6.0|4:delay|value=rack 2,wait=300\n",
            },
            "fast");
        await using var client = new SnmpClient(new SnmpClientOptions { LocalEndPoint = "127.0.0.1:0" });
        var target = new SnmpTarget(snmpsim.Endpoint, SnmpVersion.V2c, "slow") { Timeout = TimeSpan.FromSeconds(2), Retries = 3 };
        // The first request makes snmpsim index the data file; keep that out of the measured poll.
        await client.GetAsync(target with { Timeout = TimeSpan.FromSeconds(10) }, [SysName]);
        var budget = SnmpBudget.Start(TimeSpan.FromMilliseconds(1500));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var answers = new List<string?>();
        SnmpException? failure = null;
        while (failure is null && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                var oid = answers.Count % 2 == 0 ? SysName : SysLocation;
                answers.Add((await client.GetAsync(target, [oid], budget))[0].Value.AsText());
            }
            catch (SnmpException ex)
            {
                failure = ex;
            }
        }

        var elapsed = clock.Elapsed;

        // Each answer takes at least 300 ms, so at most five fit in 1.5 s; on a loaded machine fewer do, never more.
        Assert.InRange(answers.Count, 1, 5);
        Assert.Equal("slow-switch", answers[0]);
        Assert.NotNull(failure);
        Assert.Equal(SnmpErrorKind.Timeout, failure.Kind);
        Assert.Contains("budget", failure.Message, StringComparison.Ordinal);
        Assert.True(budget.IsSpent);
        // The call in flight when the budget ran out was cut there, not at its 2 s timeout (slack for a loaded machine).
        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(1450), TimeSpan.FromMilliseconds(2300));
    }
}
