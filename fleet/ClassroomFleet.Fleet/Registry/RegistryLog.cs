using ClassroomFleet.Contracts.Serialization;

namespace ClassroomFleet.Fleet.Registry;

/// <summary>Log messages of the registry: event ids 3600–3649.</summary>
internal static partial class RegistryLog
{
    [LoggerMessage(EventId = 3600, Level = LogLevel.Information, Message = "Registry schema on {Provider}: applied migrations [{Applied}]")]
    public static partial void MigrationsApplied(this ILogger logger, RegistryProvider provider, string applied);

    [LoggerMessage(EventId = 3601, Level = LogLevel.Information, Message = "Registry feed subscribed to {Filter}")]
    public static partial void FeedSubscribed(this ILogger logger, string filter);

    [LoggerMessage(EventId = 3602, Level = LogLevel.Warning, Message = "Registry rejected {Kind} message on {Topic} ({Failure}): {Reason}")]
    public static partial void FeedRejected(this ILogger logger, string kind, string topic, DecodeFailure failure, string reason);

    [LoggerMessage(EventId = 3603, Level = LogLevel.Error, Message = "Registry could not store the {Kind} message of {Topic}")]
    public static partial void StoreFailed(this ILogger logger, Exception exception, string kind, string topic);

    [LoggerMessage(EventId = 3604, Level = LogLevel.Debug, Message = "Retained {Kind} message of {Topic} was cleared (empty payload); registry keeps what it had")]
    public static partial void RetainedCleared(this ILogger logger, string kind, string topic);

    [LoggerMessage(EventId = 3605, Level = LogLevel.Warning, Message = "Registry could not write {Count} telemetry sightings; keeping them for the next flush")]
    public static partial void SightingsFlushFailed(this ILogger logger, Exception exception, int count);

    [LoggerMessage(EventId = 3606, Level = LogLevel.Warning, Message = "Registry holds {Limit} unflushed device sightings; dropping sightings of further devices until the next flush")]
    public static partial void SightingsOverflow(this ILogger logger, int limit);
}
