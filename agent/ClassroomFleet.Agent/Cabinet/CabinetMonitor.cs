using ClassroomFleet.Agent.Publishing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>
/// The cabinet module's loop: a full reading every <c>Cabinet:Interval</c>, and an inputs-only reading at once when a
/// door, mains or UPS input changes (debounced). Everything goes to the <see cref="ITelemetrySink"/>. Off unless
/// <c>Cabinet:Enabled</c>; without working GPIO it still reads the sensors and reports the GPIO error in every summary.
/// </summary>
public sealed class CabinetMonitor(
    IOptions<CabinetOptions> options,
    CabinetHardware hardware,
    CabinetSensors sensors,
    ITelemetrySink sink,
    TimeProvider time,
    ILogger<CabinetMonitor> logger) : BackgroundService
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _failedReadings;

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.ModuleOff();
            return;
        }

        if (settings.EffectiveDriver == GpioDriverKind.None)
        {
            logger.SensorsOnly();
        }

        var gpio = hardware.Gpio;
        var snapshot = new CabinetSnapshot(settings, gpio, sensors, time, logger);
        var watchers = gpio.Inputs.Select(input => WatchAsync(input, snapshot, stoppingToken)).ToList();
        try
        {
            await EmitAsync(snapshot, readSensors: true, stoppingToken).ConfigureAwait(false);
            logger.Started(sensors.Count, settings.Interval);
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(settings.Interval, time, stoppingToken).ConfigureAwait(false);
                await EmitAsync(snapshot, readSensors: true, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }

        await Task.WhenAll(watchers).ConfigureAwait(false);
    }

    private async Task WatchAsync(CabinetInput input, CabinetSnapshot snapshot, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in InputEdges.WatchAsync(input, options.Value.Debounce, time, stoppingToken).ConfigureAwait(false))
            {
                logger.InputChanged(change.Input, change.Role, change.Active);
                await EmitAsync(snapshot, readSensors: false, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex) when (GpioFailure.IsHardware(ex))
        {
            // Edges are a shortcut: the periodic reading still reports the input's level.
            logger.InputReadFailed(input.Name, ex.Message);
        }
    }

    /// <summary>
    /// One reading, sent. Whatever goes wrong in it (a sensor read or lookup the readers did not foresee, a sink that
    /// throws) is logged and counted, and the next reading comes as usual: a cabinet fault never stops the agent.
    /// </summary>
    private async Task EmitAsync(CabinetSnapshot snapshot, bool readSensors, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var outcome = await snapshot.TakeAsync(readSensors, _failedReadings, cancellationToken).ConfigureAwait(false);
            await sink.EnqueueAsync(outcome, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _failedReadings++;
            logger.ReadingFailed(_failedReadings, ex);
        }
        finally
        {
            _gate.Release();
        }
    }
}
