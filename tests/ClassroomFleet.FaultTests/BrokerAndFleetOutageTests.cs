using System.Diagnostics;
using Xunit.Abstractions;

namespace ClassroomFleet.FaultTests;

/// <summary>mosquitto killed -9 and restarted, and the fleet down for 60 s: the outbox rides both out.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class BrokerAndFleetOutageTests(ITestOutputHelper output)
{
    // A small broker queue per session makes the broker's own loss certain when it is trusted (negative control).
    private const string SmallQueue = "max_queued_messages 200\n";

    [Fact]
    public async Task Mosquitto_Killed_And_Restarted_Ten_Times_During_Publishing_Loses_Nothing()
    {
        await using var rig = new FaultRig(output);
        await rig.StartAsync(devices: 10, interval: "250ms", SmallQueue);
        await rig.StartFleetAsync();
        await using var agent = rig.StartAgent(run: 1);
        await rig.WaitForLedgerAsync(40, TimeSpan.FromSeconds(30));

        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(800, 2000)));
            await rig.Mosquitto.KillAsync();
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(200, 1000)));
            await rig.Mosquitto.StartAsync();
        }

        await Task.Delay(2000);
        await agent.StopAsync();
        var stored = await rig.WaitForCollectedAsync(TimeSpan.FromSeconds(5));
        if (stored.Collected.Any(n => !stored.Stored.Contains(n)))
        {
            // The stop was graceful; what is unacknowledged waits in the outbox for the next run.
            await using var again = rig.StartAgent(run: 2);
            stored = await rig.WaitForCollectedAsync(TimeSpan.FromSeconds(60));
        }

        var (missing, dropped) = rig.Account("mosquitto kill -9 x10", stored);
        Assert.True(rig.Ledger.Count > 200);
        Assert.Empty(dropped);
        Assert.Equal(dropped, missing);
    }

    [Fact]
    public async Task Mosquitto_Down_For_A_Minute_Or_More_Loses_Nothing_And_The_Backlog_Drains_After()
    {
        // CF_FAULT_BROKER_OUTAGE_SECONDS lengthens the outage (a nightly run: 600); CI keeps to one minute.
        var outage = TimeSpan.FromSeconds(int.Parse(System.Environment.GetEnvironmentVariable("CF_FAULT_BROKER_OUTAGE_SECONDS") ?? "60", System.Globalization.CultureInfo.InvariantCulture));
        await using var rig = new FaultRig(output);
        await rig.StartAsync(devices: 10, interval: "250ms");
        await rig.StartFleetAsync();
        await using var agent = rig.StartAgent(run: 1);
        await rig.WaitForLedgerAsync(60, TimeSpan.FromSeconds(30));

        await rig.Mosquitto.KillAsync();
        var before = rig.Ledger.Count;
        await Task.Delay(outage);
        var during = await rig.MetricsAsync();
        Assert.Equal(0, during["cf_agent_mqtt_connected"]);
        Assert.Equal(200, await rig.HealthStatusAsync());
        Assert.True(during["cf_agent_outbox_oldest_age_seconds"] > outage.TotalSeconds - 5, $"oldest {during["cf_agent_outbox_oldest_age_seconds"]} s");
        var collectedDuring = rig.Ledger.Count - before;
        Assert.True(during["cf_agent_outbox_depth"] >= collectedDuring, $"depth {during["cf_agent_outbox_depth"]} < {collectedDuring} collected while the broker was down");

        await rig.Mosquitto.StartAsync();
        var stored = await rig.WaitForCollectedAsync(TimeSpan.FromSeconds(90));
        var (missing, dropped) = rig.Account($"mosquitto down {outage.TotalSeconds:0} s", stored);
        Assert.True(collectedDuring > 200, $"only {collectedDuring} batches were collected during the outage");
        Assert.Empty(dropped);
        Assert.Equal(dropped, missing);
    }

    [Fact]
    public async Task Fleet_Down_For_60_Seconds_Loses_Nothing_And_Replay_Outruns_The_Live_Rate_Threefold()
    {
        await using var rig = new FaultRig(output);
        await rig.StartAsync(devices: 10, interval: "250ms", SmallQueue);
        await rig.StartFleetAsync();

        // Watches the wire from before the agent's first publish, so every batch's first publication is seen.
        await using var tap = await TelemetryTap.StartAsync(rig.Mosquitto.Host, rig.Mosquitto.Port);
        await using var agent = rig.StartAgent(run: 1);
        await rig.WaitForLedgerAsync(100, TimeSpan.FromSeconds(30));

        await rig.StopFleetAsync();
        var before = rig.Ledger.Count;
        var outage = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(60));
        var liveRate = (rig.Ledger.Count - before) / outage.Elapsed.TotalSeconds;
        var backlog = (await rig.MetricsAsync()).GetValueOrDefault("cf_agent_outbox_depth");

        await rig.StartFleetAsync();
        var replay = Stopwatch.StartNew();
        while ((await rig.MetricsAsync()).GetValueOrDefault("cf_agent_outbox_depth", double.MaxValue) > 20 && replay.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(100);
        }

        var drained = replay.Elapsed.TotalSeconds;
        // Replay rate: the backlog plus what was polled meanwhile, over the time to drain it.
        var replayRate = (backlog + liveRate * drained) / drained;
        rig.Log($"[fleet down 60 s] live rate {liveRate:0.0} batches/s, backlog {backlog} batches, drained in {drained:0.00} s: replay {replayRate:0} batches/s = {replayRate / liveRate:0.0}x live");

        var stored = await rig.WaitForCollectedAsync(TimeSpan.FromSeconds(60));
        var (missing, dropped) = rig.Account("fleet down 60 s", stored);
        Assert.True(backlog > 1000, $"backlog {backlog}: the outage should have queued more than the broker holds");
        Assert.Empty(dropped);
        Assert.Equal(dropped, missing);
        Assert.True(replayRate >= 3 * liveRate, $"replay {replayRate:0} batches/s is under 3x the live {liveRate:0.0}/s");

        // Oldest first: per device, batches were first published in sequence (= poll) order, before and after the outage.
        var (firstSeen, repeats) = tap.Analyse();
        rig.Log($"[fleet down 60 s] wire: {firstSeen.Values.Sum(l => l.Count)} batches first seen, {repeats} republications");
        Assert.Equal(10, firstSeen.Count(d => d.Key.StartsWith("synth-", StringComparison.Ordinal)));
        Assert.All(firstSeen, d => Assert.True(d.Value.SequenceEqual(d.Value.Order()),
            $"{d.Key}: first publications out of sequence order ({d.Value.Zip(d.Value.Skip(1)).Count(p => p.Second < p.First)} inversions in {d.Value.Count}; the agent appended {stored.Ledger.Count} batches)"));
        Assert.True(repeats > 0, "the outage should have made the agent republish unacknowledged batches");
    }

    [Fact]
    public async Task Negative_Control_Trusting_The_Brokers_Puback_Loses_Points_While_The_Fleet_Is_Down()
    {
        await using var rig = new FaultRig(output);
        await rig.StartAsync(devices: 10, interval: "250ms", SmallQueue);
        await rig.StartFleetAsync();
        await using var agent = rig.StartAgent(run: 1, mode: "puback");
        await rig.WaitForLedgerAsync(60, TimeSpan.FromSeconds(30));

        await rig.StopFleetAsync();
        await Task.Delay(TimeSpan.FromSeconds(20));
        await rig.StartFleetAsync();
        await Task.Delay(5000);
        await agent.StopAsync();

        var stored = await rig.WaitForCollectedAsync(TimeSpan.FromSeconds(10));
        var (missing, dropped) = rig.Account("negative control: delete on PUBACK, fleet down 20 s", stored);
        Assert.Empty(dropped);
        Assert.True(missing.Count > 0, "the weakened agent should have lost what the broker could not queue");
    }
}
