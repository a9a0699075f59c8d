using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Fleet.Compliance;

/// <summary>Compliance log events (3500–3599).</summary>
internal static partial class ComplianceLog
{
    [LoggerMessage(EventId = 3500, Level = LogLevel.Error, Message = "Rule pack {File} rejected with {Count} error(s): {Errors}")]
    public static partial void PackRejected(this ILogger logger, string file, int count, string errors);

    [LoggerMessage(EventId = 3501, Level = LogLevel.Warning, Message = "Rule pack {File} keeps its previously accepted version")]
    public static partial void PackKeptPrevious(this ILogger logger, string file);

    [LoggerMessage(EventId = 3502, Level = LogLevel.Information, Message = "{Count} rule pack(s) in force, {Rejected} rejected, from {Directory}")]
    public static partial void PacksLoaded(this ILogger logger, int count, int rejected, string directory);

    [LoggerMessage(EventId = 3503, Level = LogLevel.Information, Message = "County {County} evaluated at {At}: {Results} results ({Unknown} unknown) in {Milliseconds} ms")]
    public static partial void CountyEvaluated(this ILogger logger, string county, DateTimeOffset at, int results, int unknown, long milliseconds);

    [LoggerMessage(EventId = 3504, Level = LogLevel.Warning, Message = "Probe row of school {School} skipped: {Problem}")]
    public static partial void ProbeRowSkipped(this ILogger logger, string school, string problem);

    [LoggerMessage(EventId = 3505, Level = LogLevel.Information, Message = "Scheduled compliance run at {At}: {Counties} county(ies), {Points} point(s) written")]
    public static partial void ScheduleRunCompleted(this ILogger logger, DateTimeOffset at, int counties, int points);

    [LoggerMessage(EventId = 3506, Level = LogLevel.Error, Message = "Scheduled compliance run could not list the counties")]
    public static partial void ScheduleListFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3507, Level = LogLevel.Error, Message = "Scheduled compliance evaluation of county {County} failed")]
    public static partial void ScheduleCountyFailed(this ILogger logger, string county, Exception exception);

    [LoggerMessage(EventId = 3509, Level = LogLevel.Warning, Message = "Calendar {Calendar} does not cover {Date}: every windowed rule of county {County} is UNKNOWN (CALENDAR_NOT_COVERED); add the school year's calendar file")]
    public static partial void CalendarNotCovered(this ILogger logger, string calendar, DateOnly date, string county);

    [LoggerMessage(EventId = 3508, Level = LogLevel.Error, Message = "Compliance results of county {County} not stored by InfluxDB (status {Status}): {Error}")]
    public static partial void ScheduleWriteFailed(this ILogger logger, string county, int? status, string? error);
}
