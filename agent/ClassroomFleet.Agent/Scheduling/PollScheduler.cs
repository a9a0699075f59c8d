using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.Publishing;
using ClassroomFleet.Agent.School;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Scheduling;

/// <summary>
/// Runs one polling loop per device: its own interval with jitter, a shared concurrency limit and a per-device time
/// budget, so that one slow or dead device never delays the others. Every poll yields a <c>device</c> health point
/// with its duration and error, whatever the poller returned.
/// </summary>
public sealed partial class PollScheduler(
    IEnumerable<IDevicePoller> pollers,
    SchoolFileProvider schoolFile,
    DevicePollRunner runner,
    DeviceBudgets budgets,
    ITelemetrySink sink,
    IOptions<AgentOptions> options,
    TimeProvider time,
    ILogger<PollScheduler> logger) : BackgroundService
{
    private readonly Dictionary<string, IDevicePoller> _pollers = pollers.ToDictionary(p => p.Kind, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await schoolFile.ReloadAsync(stoppingToken).ConfigureAwait(false);
        var settings = options.Value;
        using var concurrency = new SemaphoreSlim(settings.MaxConcurrentPolls);
        while (!stoppingToken.IsCancellationRequested)
        {
            // One plan per school file in force: when another file comes into force, the loops stop and a new plan starts.
            var changed = schoolFile.Changed;
            using var plan = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, changed);
            if (schoolFile.Current is not { } school)
            {
                LogNothingToPoll(logger);
            }
            else
            {
                LogPlan(logger, school.Devices.Count);
                await RunPlanAsync(school, concurrency, plan.Token).ConfigureAwait(false);
            }

            try
            {
                await Task.Delay(Timeout.Infinite, plan.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // The school file changed: plan again.
            }
        }
    }

    private async Task RunPlanAsync(SchoolFile school, SemaphoreSlim concurrency, CancellationToken planToken)
    {
        var settings = options.Value;
        var loops = new List<Task>();
        foreach (var device in school.Devices)
        {
            if (!_pollers.TryGetValue(device.Kind, out var poller))
            {
                LogNoPoller(logger, device.Id, device.Kind);
                continue;
            }

            var interval = device.Interval is { } text && DurationText.TryParse(text, out var parsed) ? parsed : settings.DefaultInterval;
            loops.Add(RunDeviceLoopAsync(poller, device, interval, concurrency, planToken));
        }

        try
        {
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (planToken.IsCancellationRequested)
        {
            // Stopped for a new plan or for shutdown.
        }
    }

    private async Task RunDeviceLoopAsync(IDevicePoller poller, DeviceEntry device, TimeSpan interval, SemaphoreSlim concurrency, CancellationToken stoppingToken)
    {
        var settings = options.Value;

        // Spread the first polls over one interval so that a restart does not poll every device at the same instant.
        await DelayAsync(TimeSpan.FromTicks((long)(interval.Ticks * Random.Shared.NextDouble() * settings.Jitter)), stoppingToken).ConfigureAwait(false);
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            await concurrency.WaitAsync(stoppingToken).ConfigureAwait(false);
            try
            {
                var outcome = await runner.PollOnceAsync(poller, device, budgets.For(device), stoppingToken).ConfigureAwait(false);
                await sink.EnqueueAsync(outcome, stoppingToken).ConfigureAwait(false);
            }
            finally
            {
                concurrency.Release();
            }

            var jitter = 1 + ((Random.Shared.NextDouble() * 2) - 1) * settings.Jitter;
            var wait = TimeSpan.FromTicks((long)(interval.Ticks * jitter)) - time.GetElapsedTime(started);
            await DelayAsync(wait, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 2104, Level = LogLevel.Information, Message = "Polling plan started for {Devices} devices")]
    private static partial void LogPlan(ILogger logger, int devices);

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "No school file in force: nothing to poll")]
    private static partial void LogNothingToPoll(ILogger logger);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Device {Device}: no poller for kind {Kind}")]
    private static partial void LogNoPoller(ILogger logger, string device, string kind);
}
