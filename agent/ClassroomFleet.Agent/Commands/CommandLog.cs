using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Commands;

/// <summary>Log messages of remote commands (event ids 1850–1869).</summary>
internal static partial class CommandLog
{
    [LoggerMessage(EventId = 1850, Level = LogLevel.Warning, Message = "Command {Id} refused: {Reason}")]
    public static partial void Malformed(ILogger logger, string id, string reason);

    [LoggerMessage(EventId = 1851, Level = LogLevel.Error, Message = "Command {Id} ({Type}) failed")]
    public static partial void HandlerFailed(ILogger logger, string id, string type, Exception exception);

    [LoggerMessage(EventId = 1852, Level = LogLevel.Information, Message = "Command {Id} ({Type}) ended {State}: {Reason}")]
    public static partial void Finished(ILogger logger, string id, string type, string state, string reason);

    [LoggerMessage(EventId = 1853, Level = LogLevel.Warning, Message = "Could not publish the result of command {Id}: {Reason}")]
    public static partial void ResultNotPublished(ILogger logger, string id, string reason);
}
