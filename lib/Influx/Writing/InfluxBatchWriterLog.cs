using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Influx.Writing;

/// <summary>Log messages of <see cref="InfluxBatchWriter"/> (event IDs 1520–1539).</summary>
internal static partial class InfluxBatchWriterLog
{
    [LoggerMessage(EventId = 1521, Level = LogLevel.Warning, Message = "InfluxDB write of {Lines} lines failed ({Status}: {Error}); retry {Attempt} in {DelayMs} ms")]
    public static partial void WriteRetrying(this ILogger logger, int lines, int? status, string? error, int attempt, long delayMs);

    [LoggerMessage(EventId = 1522, Level = LogLevel.Error, Message = "InfluxDB refused the request itself ({Status}: {Error}); holding {Lines} lines and retrying in {DelayMs} ms")]
    public static partial void RequestRefused(this ILogger logger, int? status, string? error, int lines, long delayMs);

    [LoggerMessage(EventId = 1523, Level = LogLevel.Warning, Message = "Quarantined a line ({Status}): {Reason}")]
    public static partial void LineQuarantined(this ILogger logger, int? status, string reason);

    [LoggerMessage(EventId = 1524, Level = LogLevel.Debug, Message = "InfluxDB rejected {Lines} lines ({Status}); bisecting")]
    public static partial void Bisecting(this ILogger logger, int lines, int? status);

    [LoggerMessage(EventId = 1525, Level = LogLevel.Error, Message = "The quarantine sink failed; the line is lost: {Reason}")]
    public static partial void QuarantineSinkFailed(this ILogger logger, Exception exception, string reason);

    [LoggerMessage(EventId = 1526, Level = LogLevel.Error, Message = "The delivery listener failed for a submission")]
    public static partial void DeliveryListenerFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1527, Level = LogLevel.Warning, Message = "Batch writer stopped with {Submissions} submissions undelivered")]
    public static partial void StoppedWithBacklog(this ILogger logger, int submissions);
}
