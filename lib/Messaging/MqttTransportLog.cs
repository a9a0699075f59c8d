using ClassroomFleet.Messaging.Connecting;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Messaging;

/// <summary>Log messages of the MQTT transport: event ids 1000–1099.</summary>
internal static partial class MqttTransportLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "MQTT connected to {Host}:{Port} as {ClientId} (session present: {SessionPresent})")]
    public static partial void Connected(this ILogger logger, string host, int port, string clientId, bool sessionPresent);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "MQTT connect to {Host}:{Port} failed (attempt {Attempt}): {Failure}, {Reason}; next try in {Delay}")]
    public static partial void ConnectFailed(this ILogger logger, string host, int port, int attempt, ConnectFailure failure, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Warning, Message = "MQTT connection lost: {Reason}")]
    public static partial void ConnectionLost(this ILogger logger, string reason, Exception? exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "MQTT publish to {Topic} refused: {Failure} (reason code {ReasonCode}) {ReasonText}")]
    public static partial void PublishRefused(this ILogger logger, string topic, PublishFailure failure, int? reasonCode, string? reasonText);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "MQTT handler for {Filter} failed on a message from {Topic}")]
    public static partial void HandlerFailed(this ILogger logger, string filter, string topic, Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "MQTT handler for {Filter} took longer than {Timeout} on {Topic}; moving on")]
    public static partial void HandlerTimedOut(this ILogger logger, string filter, string topic, TimeSpan timeout);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "MQTT subscription to {Filter} refused: {Reason}")]
    public static partial void SubscribeRefused(this ILogger logger, string filter, string reason);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Debug, Message = "MQTT message on {Topic} matched no subscription")]
    public static partial void Unmatched(this ILogger logger, string topic);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "MQTT re-subscribe after reconnect failed")]
    public static partial void ResubscribeFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Debug, Message = "MQTT publish to {Topic} interrupted by a lost connection; it will be sent again")]
    public static partial void PublishRetrying(this ILogger logger, string topic);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "MQTT connection-state handler threw")]
    public static partial void StateHandlerFailed(this ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Warning, Message = "MQTT 3.1.1 to {Host}:{Port}: a PUBACK has no reason code, so a publish the broker's ACL denies looks acknowledged too (PublishResult.Unverified); only the consumer's acknowledgement confirms delivery")]
    public static partial void AcknowledgementsUnverified(this ILogger logger, string host, int port);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Error, Message = "MQTT publish to {Topic} failed unexpectedly")]
    public static partial void PublishFailed(this ILogger logger, string topic, Exception exception);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Warning, Message = "MQTT message on {Topic} discarded: its {Bytes}-byte payload exceeds MaximumPacketSize {Limit}")]
    public static partial void ReceivedOversized(this ILogger logger, string topic, long bytes, int limit);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Warning, Message = "MQTT transport moved to broker {Host}:{Port}; reconnecting there")]
    public static partial void Retargeted(this ILogger logger, string host, int port);

    [LoggerMessage(EventId = 1015, Level = LogLevel.Information, Message = "MQTT connection lost: sending the {Count} newest acknowledged messages once more, in case the broker died before saving them")]
    public static partial void RepublishingAfterLoss(this ILogger logger, int count);
}
