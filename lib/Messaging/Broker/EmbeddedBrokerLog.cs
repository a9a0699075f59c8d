using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Messaging.Broker;

/// <summary>Log messages of the embedded broker: event ids 1050–1099.</summary>
internal static partial class EmbeddedBrokerLog
{
    [LoggerMessage(EventId = 1050, Level = LogLevel.Information, Message = "Embedded MQTT broker listening on {Address}:{Port} ({Users} users)")]
    public static partial void Started(this ILogger logger, string address, int port, int users);

    [LoggerMessage(EventId = 1051, Level = LogLevel.Warning, Message = "Embedded broker refused connection of client {ClientId} as user {User}: bad user name or password")]
    public static partial void ConnectionRefused(this ILogger logger, string clientId, string? user);

    [LoggerMessage(EventId = 1052, Level = LogLevel.Warning, Message = "Embedded broker denied PUBLISH to {Topic} from {User} ({ClientId})")]
    public static partial void PublishDenied(this ILogger logger, string topic, string? user, string clientId);

    [LoggerMessage(EventId = 1053, Level = LogLevel.Warning, Message = "Embedded broker denied SUBSCRIBE to {Filter} from {User} ({ClientId})")]
    public static partial void SubscribeDenied(this ILogger logger, string filter, string? user, string clientId);

    [LoggerMessage(EventId = 1054, Level = LogLevel.Information, Message = "Embedded MQTT broker stopped")]
    public static partial void Stopped(this ILogger logger);
}
