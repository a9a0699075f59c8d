using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Influx.Http;

/// <summary>Log messages of <see cref="InfluxClient"/> (event IDs 1500–1519).</summary>
internal static partial class InfluxClientLog
{
    [LoggerMessage(EventId = 1501, Level = LogLevel.Debug, Message = "InfluxDB write of {Bytes} bytes: {Outcome} (status {Status}) {Error}")]
    public static partial void WriteCompleted(this ILogger logger, int bytes, WriteOutcome outcome, int? status, string? error);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "InfluxDB at {BaseAddress} could not be reached: {Error}")]
    public static partial void Unreachable(this ILogger logger, Uri? baseAddress, string error);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Warning, Message = "InfluxDB query failed with {Status}: {Error}")]
    public static partial void QueryFailed(this ILogger logger, int? status, string error);
}
