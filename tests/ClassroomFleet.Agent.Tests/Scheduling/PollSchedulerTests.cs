using System.Collections.Concurrent;
using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.Publishing;
using ClassroomFleet.Agent.Scheduling;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Tests.Scheduling;

public sealed class PollSchedulerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cf-sched-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class RecordingSink : ITelemetrySink
    {
        public ConcurrentQueue<PollOutcome> Outcomes { get; } = new();

        public ValueTask EnqueueAsync(PollOutcome outcome, CancellationToken cancellationToken = default)
        {
            Outcomes.Enqueue(outcome);
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Answers at once for every device, except those it is told to hang on.</summary>
    private sealed class ScriptedPoller(string kind, params string[] hangOn) : IDevicePoller
    {
        public string Kind => kind;

        public async Task<IReadOnlyList<TelemetryPoint>> PollAsync(DeviceEntry device, CancellationToken cancellationToken = default)
        {
            if (hangOn.Contains(device.Id))
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return [];
        }
    }

    private string WriteSchool(params string[] deviceIds)
    {
        var path = Path.Combine(_folder, "school.yaml");
        var devices = string.Concat(deviceIds.Select(id => $"\n  - {{ id: {id}, kind: pc, address: 127.0.0.1, interval: 100ms }}"));
        File.WriteAllText(path, $"""
            schema: classroomfleet.school/v1
            county: "410323"
            school: "4141032301"
            name: 测试学校
            category: rural
            devices:{devices}
            """);
        return path;
    }

    private static (PollScheduler Scheduler, SchoolFileProvider Provider, RecordingSink Sink) Create(string schoolFile, TimeSpan budget)
    {
        var options = Options.Create(new AgentOptions { SchoolFile = schoolFile, StateDirectory = Path.Combine(Path.GetDirectoryName(schoolFile)!, "state"), DeviceBudget = budget, MaxConcurrentPolls = 4, Jitter = 0 });
        var provider = new SchoolFileProvider(options, NullLogger<SchoolFileProvider>.Instance);
        var sink = new RecordingSink();
        var scheduler = new PollScheduler(
            [new ScriptedPoller("pc", "pc-dead")],
            provider,
            new DevicePollRunner(TimeProvider.System, NullLogger<DevicePollRunner>.Instance),
            new DeviceBudgets(ClassroomFleet.Agent.Devices.Profiles.DeviceProfileCatalog.BuiltIn, options),
            sink,
            options,
            TimeProvider.System,
            NullLogger<PollScheduler>.Instance);
        return (scheduler, provider, sink);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    [Fact]
    public async Task A_Dead_Device_Never_Delays_The_Others_And_Reports_Its_Budget_Overrun()
    {
        var (scheduler, provider, sink) = Create(WriteSchool("pc-dead", "pc-ok"), TimeSpan.FromSeconds(3));
        using var _ = provider;
        await scheduler.StartAsync(CancellationToken.None);

        // While the dead device is stuck within its 3 s budget, the healthy one (every 100 ms) is polled again and again.
        // (The budget is long so that a loaded machine cannot make this a race: 3 healthy polls need 0.3 s.)
        await WaitUntilAsync(() => sink.Outcomes.Count(o => o.Device == "pc-ok" && o.Error is null) >= 3);
        Assert.DoesNotContain(sink.Outcomes, o => o.Device == "pc-dead");
        await WaitUntilAsync(() => sink.Outcomes.Any(o => o.Device == "pc-dead"));
        await scheduler.StopAsync(CancellationToken.None);

        var dead = sink.Outcomes.First(o => o.Device == "pc-dead");
        Assert.Contains("time budget", dead.Error, StringComparison.Ordinal);
        var health = Assert.Single(dead.Points);
        Assert.False(health.Booleans!["up"]);
        Assert.Equal(0, health.Integers!["available"]);
        var healthy = sink.Outcomes.First(o => o.Device == "pc-ok" && o.Error is null).Points.Single(p => p.Measurement == "device");
        Assert.Equal(1, healthy.Integers!["available"]);
    }

    [Fact]
    public async Task A_Device_Budget_Override_Bounds_That_Device_Alone()
    {
        var path = Path.Combine(_folder, "school.yaml");
        File.WriteAllText(path, """
            schema: classroomfleet.school/v1
            county: "410323"
            school: "4141032301"
            name: 测试学校
            category: rural
            devices:
              - { id: pc-dead, kind: pc, address: 127.0.0.1, interval: 100ms, overrides: { budget: 300ms } }
              - { id: pc-ok, kind: pc, address: 127.0.0.1, interval: 100ms }
            """);
        var (scheduler, provider, sink) = Create(path, TimeSpan.FromSeconds(30));
        using var _ = provider;
        await scheduler.StartAsync(CancellationToken.None);

        // The agent-wide budget is 30 s; the dead device's own 300 ms is what ends its poll.
        await WaitUntilAsync(() => sink.Outcomes.Count(o => o.Device == "pc-dead") >= 2);
        await scheduler.StopAsync(CancellationToken.None);

        var dead = sink.Outcomes.First(o => o.Device == "pc-dead");
        Assert.Contains("time budget of 0.3 s exceeded", dead.Error, StringComparison.Ordinal);
        Assert.InRange(dead.Duration, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
        Assert.True(sink.Outcomes.Count(o => o.Device == "pc-ok" && o.Error is null) >= 2);
    }

    [Fact]
    public async Task A_New_School_File_Is_Planned_Without_A_Restart()
    {
        var path = WriteSchool("pc-a");
        var (scheduler, provider, sink) = Create(path, TimeSpan.FromSeconds(1));
        using var _ = provider;
        await scheduler.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => sink.Outcomes.Any(o => o.Device == "pc-a"));

        WriteSchool("pc-b");
        await provider.ReloadAsync();
        await WaitUntilAsync(() => sink.Outcomes.Any(o => o.Device == "pc-b"));
        var seenB = sink.Outcomes.Count;
        await Task.Delay(400);
        await scheduler.StopAsync(CancellationToken.None);

        Assert.DoesNotContain(sink.Outcomes.Skip(seenB), o => o.Device == "pc-a");
    }

    [Fact]
    public async Task A_Broken_Edit_Leaves_The_Last_Good_File_In_Force()
    {
        var path = WriteSchool("pc-a");
        var (_, provider, _) = Create(path, TimeSpan.FromSeconds(1));
        using var __ = provider;
        await provider.ReloadAsync();
        var changed = provider.Changed;

        await File.WriteAllTextAsync(path, "schema: classroomfleet.school/v1\ncounty: nope\n");
        var current = await provider.ReloadAsync();

        Assert.Equal("pc-a", Assert.Single(current!.Devices).Id);
        Assert.False(changed.IsCancellationRequested);
    }
}
