using System.Net;
using ClassroomFleet.Snmp.Transport;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Snmp;

/// <summary>Log messages of <see cref="SnmpTrapReceiver"/>; event ids 1250-1299. Never logs communities, passwords or keys.</summary>
internal static partial class SnmpTrapReceiverLog
{
    [LoggerMessage(EventId = 1250, Level = LogLevel.Information, Message = "SNMP trap receiver listening on {LocalEndPoint}")]
    public static partial void Listening(this ILogger logger, IPEndPoint localEndPoint);

    [LoggerMessage(EventId = 1251, Level = LogLevel.Warning, Message = "Dropped a malformed SNMP datagram from {From}: {Reason}")]
    public static partial void TrapMalformed(this ILogger logger, EndpointText from, string reason);

    [LoggerMessage(EventId = 1252, Level = LogLevel.Warning, Message = "Dropped a notification from {From} with an unknown community")]
    public static partial void TrapUnknownCommunity(this ILogger logger, EndpointText from);

    [LoggerMessage(EventId = 1253, Level = LogLevel.Warning, Message = "Dropped an SNMPv3 notification from {From}: {Reason}")]
    public static partial void TrapSecurityFailure(this ILogger logger, EndpointText from, string reason);

    [LoggerMessage(EventId = 1254, Level = LogLevel.Warning, Message = "Notification queue full; dropped a {Kind} from {From} (an inform stays unacknowledged, so its sender retries)")]
    public static partial void TrapQueueFull(this ILogger logger, EndpointText from, NotificationKind kind);

    [LoggerMessage(EventId = 1255, Level = LogLevel.Debug, Message = "Ignored a {PduType} from {From}; only notifications are expected here")]
    public static partial void TrapUnexpectedPdu(this ILogger logger, EndpointText from, Pdus.PduType pduType);

    [LoggerMessage(EventId = 1256, Level = LogLevel.Warning, Message = "SNMP trap receiver socket error: {Reason}")]
    public static partial void TrapReceiveError(this ILogger logger, string reason);
}
