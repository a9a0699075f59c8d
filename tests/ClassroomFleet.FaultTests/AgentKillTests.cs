using Xunit.Abstractions;

namespace ClassroomFleet.FaultTests;

/// <summary>The agent killed -9 at random instants while polling and publishing: nothing it reported as collected is lost.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class AgentKillTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Agent_Killed_At_Random_Instants_Ten_Times_Loses_Nothing_It_Collected()
    {
        await using var rig = new FaultRig(output);
        await rig.StartAsync(devices: 10, interval: "250ms");
        await rig.StartFleetAsync();

        await KillRepeatedlyAsync(rig, "durable", iterations: 10);
        await using (rig.StartAgent(run: 99))
        {
            var stored = await rig.WaitForCollectedAsync(TimeSpan.FromSeconds(60));
            var (missing, dropped) = rig.Account("agent kill -9 x10", stored);

            Assert.True(rig.Ledger.Count > 200, $"only {rig.Ledger.Count} points were collected: the test exercised too little");
            Assert.Empty(dropped);
            Assert.Equal(dropped, missing);
        }
    }

    [Fact]
    public async Task Negative_Control_An_In_Memory_Outbox_Loses_Collected_Points_When_Killed()
    {
        await using var rig = new FaultRig(output);
        await rig.StartAsync(devices: 10, interval: "250ms");

        // The fleet is down while the agent runs, so the memory outbox holds the points when the kill comes.
        await KillRepeatedlyAsync(rig, "memory", iterations: 3);
        await rig.StartFleetAsync();
        await using (rig.StartAgent(run: 99, mode: "memory"))
        {
            var stored = await rig.WaitForCollectedAsync(TimeSpan.FromSeconds(15));
            var (missing, dropped) = rig.Account("negative control: memory outbox, agent kill -9 x3", stored);

            Assert.Empty(dropped);
            Assert.True(missing.Count > 0, "the weakened agent should have lost what it held in memory");
        }
    }

    private static async Task KillRepeatedlyAsync(FaultRig rig, string mode, int iterations)
    {
        for (var run = 1; run <= iterations; run++)
        {
            var agent = rig.StartAgent(run, mode);
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2000, 4500)));
            Assert.False(agent.HasExited, $"the agent exited on its own: {agent.Errors}");
            await agent.KillAsync();
            await agent.DisposeAsync();
        }
    }
}
