using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>Log messages of remote configuration (event ids 1800–1849).</summary>
internal static partial class RemoteConfigLog
{
    [LoggerMessage(EventId = 1800, Level = LogLevel.Warning, Message = "Pushed configuration version {Version} refused ({Status}): {Reason}")]
    public static partial void Refused(ILogger logger, long version, string status, string reason);

    [LoggerMessage(EventId = 1801, Level = LogLevel.Information, Message = "Pushed configuration version {Version} from {IssuedBy} applied; awaiting the fleet's confirmation until {Deadline}")]
    public static partial void Applied(ILogger logger, long version, string issuedBy, DateTimeOffset deadline);

    [LoggerMessage(EventId = 1802, Level = LogLevel.Information, Message = "Configuration version {Version} confirmed by the fleet")]
    public static partial void Confirmed(ILogger logger, long version);

    [LoggerMessage(EventId = 1803, Level = LogLevel.Warning, Message = "Configuration version {Version} not confirmed by {Deadline}")]
    public static partial void NotConfirmed(ILogger logger, long version, DateTimeOffset deadline);

    [LoggerMessage(EventId = 1804, Level = LogLevel.Warning, Message = "Configuration version {Version} rolled back to version {Previous}: {Reason}")]
    public static partial void RolledBack(ILogger logger, long version, long previous, string reason);

    [LoggerMessage(EventId = 1805, Level = LogLevel.Warning, Message = "The apply of configuration version {Version} was interrupted; undoing it")]
    public static partial void InterruptedApply(ILogger logger, long version);

    [LoggerMessage(EventId = 1806, Level = LogLevel.Warning, Message = "Could not publish the configuration report: {Reason}")]
    public static partial void ReportNotPublished(ILogger logger, string reason);

    [LoggerMessage(EventId = 1807, Level = LogLevel.Error, Message = "Remote configuration step failed")]
    public static partial void StepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1808, Level = LogLevel.Warning, Message = "The {Step} of configuration version {Version} was interrupted; finishing it")]
    public static partial void InterruptedStep(ILogger logger, long version, string step);

    [LoggerMessage(EventId = 1809, Level = LogLevel.Warning, Message = "The fleet's confirmation of configuration version {Version} came after its deadline {Deadline}; undoing it")]
    public static partial void ConfirmedTooLate(ILogger logger, long version, DateTimeOffset deadline);
}
