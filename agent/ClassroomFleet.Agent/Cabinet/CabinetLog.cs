using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>Log events of the cabinet module: range 1400–1449 (GPIO and cabinet sensors).</summary>
internal static partial class CabinetLog
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Cabinet module off (Cabinet:Enabled is false): no GPIO, sensors or relays are used")]
    public static partial void ModuleOff(this ILogger logger);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Error, Message = "Cabinet: {Error}. Door, mains and relays are unavailable; sensors and the rest of the agent go on")]
    public static partial void GpioUnavailable(this ILogger logger, string error);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Cabinet GPIO ready: driver {Driver}, chip {Chip}, model {Model}, {Inputs} inputs, {Relays} relays")]
    public static partial void GpioReady(this ILogger logger, GpioDriverKind driver, int chip, string? model, int inputs, int relays);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Information, Message = "Cabinet: no GPIO configured (Cabinet:Driver none); reading sensors only")]
    public static partial void SensorsOnly(this ILogger logger);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Information, Message = "Cabinet started: {Sensors} sensors, every {Interval}")]
    public static partial void Started(this ILogger logger, int sensors, TimeSpan interval);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Error, Message = "Cabinet reading failed ({Failures} since start); the module goes on and reads again at the next interval or input change")]
    public static partial void ReadingFailed(this ILogger logger, long failures, Exception exception);

    [LoggerMessage(EventId = 1410, Level = LogLevel.Warning, Message = "Cabinet sensor {Sensor}: {Kind}: {Detail}")]
    public static partial void SensorFault(this ILogger logger, string sensor, Sensors.SensorFaultKind kind, string detail);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Information, Message = "Cabinet sensor {Sensor} reads again")]
    public static partial void SensorRecovered(this ILogger logger, string sensor);

    [LoggerMessage(EventId = 1413, Level = LogLevel.Warning, Message = "Cabinet sensor discovery could not look at {Path}: {Detail}; the sensors found elsewhere are read")]
    public static partial void DiscoveryFailed(this ILogger logger, string path, string detail);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Warning, Message = "Cabinet input {Input}: read failed: {Error}")]
    public static partial void InputReadFailed(this ILogger logger, string input, string error);

    [LoggerMessage(EventId = 1420, Level = LogLevel.Warning, Message = "Cabinet alert {Alert} raised on {Source}")]
    public static partial void AlertRaised(this ILogger logger, string alert, string source);

    [LoggerMessage(EventId = 1421, Level = LogLevel.Information, Message = "Cabinet alert {Alert} cleared on {Source}")]
    public static partial void AlertCleared(this ILogger logger, string alert, string source);

    [LoggerMessage(EventId = 1422, Level = LogLevel.Information, Message = "Cabinet input {Input} ({Role}) changed: active={Active}")]
    public static partial void InputChanged(this ILogger logger, string input, PinRole role, bool active);

    [LoggerMessage(EventId = 1430, Level = LogLevel.Warning, Message = "Relay {Pin}: power of {Device} cut (forced={Forced}); restoring after {OffTime}")]
    public static partial void PowerCut(this ILogger logger, string pin, string device, bool forced, TimeSpan offTime);

    [LoggerMessage(EventId = 1431, Level = LogLevel.Information, Message = "Relay {Pin}: power of {Device} restored")]
    public static partial void PowerRestored(this ILogger logger, string pin, string device);

    [LoggerMessage(EventId = 1432, Level = LogLevel.Warning, Message = "Power cycle of {Device} refused: {Reason}")]
    public static partial void PowerCycleRefused(this ILogger logger, string device, string reason);

    [LoggerMessage(EventId = 1434, Level = LogLevel.Warning, Message = "Relay interlock state {Path} is unreadable or corrupt: {Error}. Its cycle count starts from zero and the device is held off as if its power had just come back")]
    public static partial void InterlockStateUnreadable(this ILogger logger, string path, string error);

    [LoggerMessage(EventId = 1435, Level = LogLevel.Error, Message = "Relay interlock state of {Device} could not be saved to {Path}: {Error}. The interlock holds for this run only")]
    public static partial void InterlockStateNotSaved(this ILogger logger, string device, string path, string error);

    [LoggerMessage(EventId = 1433, Level = LogLevel.Critical, Message = "Relay {Pin}: power of {Device} could not be {Step}: {Error}")]
    public static partial void RelayWriteFailed(this ILogger logger, string pin, string device, string step, string error);
}
