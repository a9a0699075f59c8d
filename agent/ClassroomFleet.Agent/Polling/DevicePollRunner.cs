using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Polling;

/// <summary>
/// Polls one device once within its time budget and never throws, except when the caller cancels: a failure becomes
/// the error of the <c>device</c> health point that every poll yields, with the poll's duration.
/// </summary>
public sealed partial class DevicePollRunner(TimeProvider time, ILogger<DevicePollRunner> logger)
{
    public async Task<PollOutcome> PollOnceAsync(IDevicePoller poller, DeviceEntry device, TimeSpan budget, CancellationToken cancellationToken = default)
    {
        var started = time.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(budget);
        IReadOnlyList<TelemetryPoint> points = [];
        string? error = null;
        try
        {
            points = await poller.PollAsync(device, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = $"time budget of {budget.TotalSeconds:0.###} s exceeded";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            error = ex.Message;
        }

        var duration = time.GetElapsedTime(started);
        if (error is not null)
        {
            LogPollFailed(logger, device.Id, device.Kind, error);
        }

        var health = DeviceHealthPoint.Create(device.Kind, device.Room, UnixNanos.From(time.GetUtcNow()), duration, error);
        return new PollOutcome(device.Id, device.Kind, [.. points, health], duration, error);
    }

    [LoggerMessage(EventId = 2103, Level = LogLevel.Warning, Message = "Device {Device} ({Kind}) poll failed: {Error}")]
    private static partial void LogPollFailed(ILogger logger, string device, string kind, string error);
}
