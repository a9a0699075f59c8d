using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>The alert states of the cabinet, kept per sensor and per input, with a log line on each change.</summary>
internal sealed class CabinetAlerts(CabinetAlertOptions options, ILogger logger)
{
    private readonly Dictionary<string, HysteresisAlert> _temperature = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HysteresisAlert> _humidity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SustainedAlert> _doors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SustainedAlert> _mains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SustainedAlert> _ups = new(StringComparer.Ordinal);

    public bool AnyOverTemperature => _temperature.Values.Any(a => a.Active);

    public bool AnyHighHumidity => _humidity.Values.Any(a => a.Active);

    public bool AnyDoorOpenLong => _doors.Values.Any(a => a.Active);

    public bool AnyMainsLost => _mains.Values.Any(a => a.Active);

    public bool AnyOnBattery => _ups.Values.Any(a => a.Active);

    public bool OverTemperature(string sensor, double? celsius) =>
        Update(_temperature, sensor, celsius, () => new HysteresisAlert(options.OverTemperatureRaiseC, options.OverTemperatureClearC), CabinetFields.AlertOverTemperature);

    public bool HighHumidity(string sensor, double? percent) =>
        Update(_humidity, sensor, percent, () => new HysteresisAlert(options.HighHumidityRaisePct, options.HighHumidityClearPct), CabinetFields.AlertHighHumidity);

    public bool DoorOpenLong(string door, bool open, DateTimeOffset now) =>
        Update(_doors, door, open, now, options.DoorOpenLimit, CabinetFields.AlertDoorOpenLong);

    public bool MainsLost(string input, bool mainsPresent, DateTimeOffset now) =>
        Update(_mains, input, !mainsPresent, now, options.MainsLostHold, CabinetFields.AlertMainsLost);

    public bool OnBattery(string input, bool onBattery, DateTimeOffset now) =>
        Update(_ups, input, onBattery, now, options.OnBatteryHold, CabinetFields.AlertOnBattery);

    private bool Update(Dictionary<string, SustainedAlert> alerts, string input, bool holds, DateTimeOffset now, TimeSpan hold, string name)
    {
        if (!alerts.TryGetValue(input, out var alert))
        {
            alert = new SustainedAlert(hold);
            alerts[input] = alert;
        }

        if (alert.Update(holds, now))
        {
            Report(name, input, alert.Active);
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
