using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Contracts.Messages;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>
/// Takes one reading of the cabinet (sensors unless only inputs changed, every input, the alert states) and turns it
/// into a <see cref="PollOutcome"/> of device <c>Cabinet:DeviceId</c>, kind <c>cabinet</c>. Callers serialise calls.
/// </summary>
internal sealed class CabinetSnapshot(CabinetOptions options, CabinetGpio gpio, CabinetSensors sensors, TimeProvider time, ILogger logger)
{
    public const string Kind = "cabinet";

    private readonly CabinetAlerts _alerts = new(options.Alerts, logger);

    /// <param name="readingFailures">Readings that failed since start, for the summary.</param>
    public async Task<PollOutcome> TakeAsync(bool readSensors, long readingFailures, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var now = time.GetUtcNow();
        var timestampNs = UnixNanos.From(now);
        var points = new List<TelemetryPoint>();
        if (readSensors)
        {
            foreach (var result in await sensors.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                if (result.Sample is { } sample)
                {
                    var hot = _alerts.OverTemperature(sample.Sensor, sample.TemperatureC);
                    var humid = _alerts.HighHumidity(sample.Sensor, sample.HumidityPct);
                    points.Add(CabinetPoints.Sensor(sample, hot, humid, timestampNs));
                }
                else
                {
                    points.Add(CabinetPoints.SensorFault(result.Fault!, timestampNs));
                }
            }
        }

        bool? doorOpen = null, mainsOk = null, onBattery = null;
        foreach (var input in gpio.Inputs)
        {
            bool active;
            try
            {
                active = input.ReadActive();
            }
            catch (Exception ex) when (GpioFailure.IsHardware(ex))
            {
                logger.InputReadFailed(input.Name, ex.Message);
                points.Add(CabinetPoints.InputError(input, ex.Message, timestampNs));
                continue;
            }

            bool alert;
            switch (input.Role)
            {
                case PinRole.Door:
                    doorOpen = (doorOpen ?? false) || active;
                    alert = _alerts.DoorOpenLong(input.Name, active, now);
                    break;
                case PinRole.Mains:
                    mainsOk = (mainsOk ?? true) && active;
                    alert = _alerts.MainsLost(input.Name, active, now);
                    break;
                default:
                    onBattery = (onBattery ?? false) || active;
                    alert = _alerts.OnBattery(input.Name, active, now);
                    break;
            }

            points.Add(CabinetPoints.Input(input, active, alert, timestampNs));
        }

        var gpioConfigured = options.EffectiveDriver != GpioDriverKind.None;
        var summary = new CabinetSummary(
            _alerts.AnyOverTemperature,
            _alerts.AnyHighHumidity,
            _alerts.AnyDoorOpenLong,
            _alerts.AnyMainsLost,
            _alerts.AnyOnBattery,
            doorOpen,
            mainsOk,
            onBattery,
            gpioConfigured ? gpio.Error is null : null,
            sensors.Faults.Total,
            readingFailures,
            gpio.Error);
        points.Add(CabinetPoints.Summary(summary, timestampNs));
        return new PollOutcome(options.DeviceId, Kind, points, time.GetElapsedTime(started), gpio.Error);
    }
}
