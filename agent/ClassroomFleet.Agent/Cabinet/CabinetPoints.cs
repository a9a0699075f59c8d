using ClassroomFleet.Contracts;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Sensors;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>Builds the points of the <c>cabinet</c> measurement: one per sensor, one per input, one summary.</summary>
internal static class CabinetPoints
{
    public static TelemetryPoint Sensor(SensorSample sample, bool overTemperature, bool highHumidity, long timestampNs)
    {
        var floats = new Dictionary<string, double>(3);
        var booleans = new Dictionary<string, bool>(1) { [CabinetFields.Ok] = true };
        var alerts = new Dictionary<string, long>(2);
        if (sample.TemperatureC is { } celsius)
        {
            floats[CabinetFields.TemperatureC] = Math.Round(celsius, 3);
            alerts[CabinetFields.AlertOverTemperature] = AlertLevel(overTemperature);
        }

        if (sample.HumidityPct is { } percent)
        {
            floats[CabinetFields.HumidityPct] = Math.Round(percent, 3);
            alerts[CabinetFields.AlertHighHumidity] = AlertLevel(highHumidity);
        }

        if (sample.PressureKpa is { } kpa)
        {
            floats[CabinetFields.PressureKpa] = Math.Round(kpa, 4);
        }

        return Point(timestampNs, CabinetFields.SensorTag, sample.Sensor, floats, booleans, null) with { Integers = alerts.Count > 0 ? alerts : null };
    }

    /// <summary>
    /// Alert states are integers (1 raised, 0 clear), not booleans: Grafana's alert expressions reduce only numbers, and
    /// InfluxQL's max() over a school's sensors needs a number too.
    /// </summary>
    public static long AlertLevel(bool active) => active ? 1 : 0;

    public static TelemetryPoint SensorFault(SensorFault fault, long timestampNs) =>
        Point(timestampNs, CabinetFields.SensorTag, fault.Sensor, null,
            new Dictionary<string, bool> { [CabinetFields.Ok] = false },
            new Dictionary<string, string> { [CabinetFields.Fault] = FaultName(fault.Kind), [CabinetFields.Error] = fault.Detail });

    /// <summary>An input's level and the alert of its role: door open long, mains lost or on battery.</summary>
    public static TelemetryPoint Input(CabinetInput input, bool active, bool alert, long timestampNs)
    {
        var booleans = new Dictionary<string, bool>(1) { [FieldOf(input.Role)] = active };
        return Point(timestampNs, CabinetFields.InputTag, input.Name, null, booleans, null) with
        {
            Integers = new Dictionary<string, long>(1) { [AlertFieldOf(input.Role)] = AlertLevel(alert) },
        };
    }

    public static TelemetryPoint InputError(CabinetInput input, string error, long timestampNs) =>
        Point(timestampNs, CabinetFields.InputTag, input.Name, null, null, new Dictionary<string, string> { [CabinetFields.Error] = error });

    public static TelemetryPoint Summary(CabinetSummary summary, long timestampNs)
    {
        var booleans = new Dictionary<string, bool>(4);
        if (summary.GpioOk is { } gpioOk)
        {
            booleans[CabinetFields.GpioOk] = gpioOk;
        }

        if (summary.DoorOpen is { } doorOpen)
        {
            booleans[CabinetFields.DoorOpen] = doorOpen;
        }

        if (summary.MainsOk is { } mainsOk)
        {
            booleans[CabinetFields.MainsOk] = mainsOk;
        }

        if (summary.UpsOnBattery is { } onBattery)
        {
            booleans[CabinetFields.UpsOnBattery] = onBattery;
        }

        var strings = summary.Error is { } error ? new Dictionary<string, string> { [CabinetFields.Error] = error } : null;
        return new TelemetryPoint
        {
            Measurement = Measurements.Cabinet,
            TimestampNs = timestampNs,
            Integers = new Dictionary<string, long>
            {
                [CabinetFields.SensorFaults] = summary.SensorFaults,
                [CabinetFields.AlertOverTemperature] = AlertLevel(summary.OverTemperature),
                [CabinetFields.AlertHighHumidity] = AlertLevel(summary.HighHumidity),
                [CabinetFields.AlertDoorOpenLong] = AlertLevel(summary.DoorOpenLong),
                [CabinetFields.AlertMainsLost] = AlertLevel(summary.MainsLost),
                [CabinetFields.AlertOnBattery] = AlertLevel(summary.OnBattery),
                [CabinetFields.ReadingFailures] = summary.ReadingFailures,
            },
            Booleans = booleans,
            Strings = strings,
        };
    }

    public static string FaultName(SensorFaultKind kind) => kind switch
    {
        SensorFaultKind.Missing => "missing",
        SensorFaultKind.Malformed => "malformed",
        SensorFaultKind.CrcFailed => "crc_failed",
        SensorFaultKind.PowerOnReset => "power_on_reset",
        _ => "unreadable",
    };

    private static string FieldOf(PinRole role) => role switch
    {
        PinRole.Door => CabinetFields.DoorOpen,
        PinRole.Mains => CabinetFields.MainsOk,
        _ => CabinetFields.UpsOnBattery,
    };

    private static string AlertFieldOf(PinRole role) => role switch
    {
        PinRole.Door => CabinetFields.AlertDoorOpenLong,
        PinRole.Mains => CabinetFields.AlertMainsLost,
        _ => CabinetFields.AlertOnBattery,
    };

    private static TelemetryPoint Point(
        long timestampNs,
        string tag,
        string value,
        Dictionary<string, double>? floats,
        Dictionary<string, bool>? booleans,
        Dictionary<string, string>? strings) => new()
        {
            Measurement = Measurements.Cabinet,
            TimestampNs = timestampNs,
            Tags = new Dictionary<string, string>(1) { [tag] = value },
            Floats = floats is { Count: > 0 } ? floats : null,
            Booleans = booleans is { Count: > 0 } ? booleans : null,
            Strings = strings,
        };
}
