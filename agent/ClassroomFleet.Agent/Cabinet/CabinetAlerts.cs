using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>The alert states of the cabinet, kept per sensor and per door, with a log line on each change.</summary>
internal sealed class CabinetAlerts(CabinetAlertOptions options, ILogger logger)
{
    private readonly Dictionary<string, HysteresisAlert> _temperature = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HysteresisAlert> _humidity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DoorOpenAlert> _doors = new(StringComparer.Ordinal);

    public bool AnyOverTemperature => _temperature.Values.Any(a => a.Active);

    public bool AnyHighHumidity => _humidity.Values.Any(a => a.Active);

    public bool AnyDoorOpenLong => _doors.Values.Any(a => a.Active);

    public bool OverTemperature(string sensor, double? celsius) =>
        Update(_temperature, sensor, celsius, () => new HysteresisAlert(options.OverTemperatureRaiseC, options.OverTemperatureClearC), CabinetFields.AlertOverTemperature);

    public bool HighHumidity(string sensor, double? percent) =>
        Update(_humidity, sensor, percent, () => new HysteresisAlert(options.HighHumidityRaisePct, options.HighHumidityClearPct), CabinetFields.AlertHighHumidity);

    public bool DoorOpenLong(string door, bool open, DateTimeOffset now)
    {
        if (!_doors.TryGetValue(door, out var alert))
        {
            alert = new DoorOpenAlert(options.DoorOpenLimit);
            _doors[door] = alert;
        }

        if (alert.Update(open, now))
        {
            Report(CabinetFields.AlertDoorOpenLong, door, alert.Active);
        }

        return alert.Active;
    }

    private bool Update(Dictionary<string, HysteresisAlert> alerts, string sensor, double? value, Func<HysteresisAlert> create, string name)
    {
        if (!alerts.TryGetValue(sensor, out var alert))
        {
            alert = create();
            alerts[sensor] = alert;
        }

        if (alert.Update(value))
        {
            Report(name, sensor, alert.Active);
        }

        return alert.Active;
    }

    private void Report(string alert, string source, bool active)
    {
        if (active)
        {
            logger.AlertRaised(alert, source);
        }
        else
        {
            logger.AlertCleared(alert, source);
        }
    }
}
