using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Messaging.Broker;

/// <summary>Log messages of the embedded broker: event ids 1050–1099.</summary>
internal static partial class EmbeddedBrokerLog
{
    [LoggerMessage(EventId = 1050, Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Address}:{Port} ({Users} users)")]
    public static partial void Started(this ILogger logger, string address, int port, int users);

    [LoggerMessage(EventId = 1051, Level = LogLevel.Warning, Message = "Embedded broker refused connection of client {ClientId} as user {User}: {Refusal}")]
    public static partial void ConnectionRefused(this ILogger logger, string clientId, string? user, ConnectionRefusal refusal);

    [LoggerMessage(EventId = 1052, Level = LogLevel.Warning, Message = "Embedded broker denied PUBLISH to {Topic} from {User} ({ClientId})")]
    public static partial void PublishDenied(this ILogger logger, string topic, string? user, string clientId);

    [LoggerMessage(EventId = 1053, Level = LogLevel.Information, Message = "Embedded broker granted {Filter} to {User} ({ClientId}), which reaches beyond its rights: only what it may read is delivered")]
    public static partial void SubscriptionBeyondRights(this ILogger logger, string filter, string? user, string clientId);

    [LoggerMessage(EventId = 1054, Level = LogLevel.Information, Message = "Embedded MQTT broker stopped")]
    public static partial void Stopped(this ILogger logger);

    [LoggerMessage(EventId = 1055, Level = LogLevel.Information, Message = "Embedded MQTT broker TLS listener on {Address}:{Port}")]
    public static partial void TlsStarted(this ILogger logger, string address, int port);

    [LoggerMessage(EventId = 1056, Level = LogLevel.Warning, Message = "Embedded broker refused PUBLISH to {Topic} from {ClientId}: {Bytes} bytes exceed MessageSizeLimit {Limit}")]
    public static partial void PublishOversized(this ILogger logger, string topic, long bytes, int limit, string clientId);

    [LoggerMessage(EventId = 1057, Level = LogLevel.Debug, Message = "Embedded broker withheld {Topic} from {User} ({ClientId}): not readable by that user")]
    public static partial void DeliveryDenied(this ILogger logger, string topic, string? user, string clientId);

    [LoggerMessage(EventId = 1058, Level = LogLevel.Information, Message = "Embedded broker reloaded {File}: {Users} users")]
    public static partial void PasswordFileReloaded(this ILogger logger, string file, int users);

    [LoggerMessage(EventId = 1059, Level = LogLevel.Error, Message = "Embedded broker could not reload {File}; the previous users stay in force")]
    public static partial void PasswordFileReloadFailed(this ILogger logger, string file, Exception exception);

    [LoggerMessage(EventId = 1060, Level = LogLevel.Warning, Message = "Embedded broker disconnected client {ClientId}: user {User} was removed from the password file or its password changed")]
    public static partial void ConnectionRevoked(this ILogger logger, string clientId, string user);
}
