using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Devices.Panel;

/// <summary>Log events of the panel/projector poller (event IDs 2700–2749).</summary>
internal static partial class PanelLog
{
    [LoggerMessage(EventId = 2700, Level = LogLevel.Warning, Message = "Panel {Device}: PJLink authentication failed: {Reason}")]
    public static partial void AuthenticationFailed(this ILogger logger, string device, string reason);

    [LoggerMessage(EventId = 2701, Level = LogLevel.Warning, Message = "Panel {Device}: malformed PJLink reply rejected: {Reason}")]
    public static partial void MalformedReply(this ILogger logger, string device, string reason);

    [LoggerMessage(EventId = 2702, Level = LogLevel.Information, Message = "Panel {Device} reports PJLink errors {Commands}")]
    public static partial void CommandsFailed(this ILogger logger, string device, string commands);

    [LoggerMessage(EventId = 2703, Level = LogLevel.Debug, Message = "Panel {Device}: HOST-RESOURCES not read: {Reason}")]
    public static partial void HostResourcesFailed(this ILogger logger, string device, string reason);
}
