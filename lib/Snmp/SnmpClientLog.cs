using System.Net;
using ClassroomFleet.Snmp.Pdus;
using ClassroomFleet.Snmp.Transport;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Snmp;

/// <summary>Log messages of <see cref="SnmpClient"/>; event ids 1200-1249. Never logs communities, passwords or keys.</summary>
internal static partial class SnmpClientLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "SNMP client socket bound to {LocalEndPoint}")]
    public static partial void SocketBound(this ILogger logger, IPEndPoint localEndPoint);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Dropped a malformed SNMP datagram from {From}: {Reason}")]
    public static partial void MalformedDatagram(this ILogger logger, EndpointText from, string reason);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "Dropped an answer from {From} with request-id {RequestId} that matches no outstanding request")]
    public static partial void UnknownRequestId(this ILogger logger, EndpointText from, int requestId);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Warning, Message = "Dropped an answer with request-id {RequestId} from {From}; the request went elsewhere")]
    public static partial void WrongEndpoint(this ILogger logger, EndpointText from, int requestId);

    [LoggerMessage(EventId = 1204, Level = LogLevel.Debug, Message = "Dropped an unexpected {PduType} from {From}")]
    public static partial void UnexpectedPdu(this ILogger logger, EndpointText from, PduType pduType);

    [LoggerMessage(EventId = 1205, Level = LogLevel.Debug, Message = "No answer from {Target} after {Attempts} attempt(s)")]
    public static partial void RequestTimedOut(this ILogger logger, SnmpTarget target, int attempts);

    [LoggerMessage(EventId = 1206, Level = LogLevel.Warning, Message = "SNMP receive error: {Reason}")]
    public static partial void ReceiveError(this ILogger logger, string reason);

    [LoggerMessage(EventId = 1207, Level = LogLevel.Warning, Message = "Dropped an SNMPv3 answer from {From} that failed security checks: {Reason}")]
    public static partial void SecurityFailure(this ILogger logger, EndpointText from, string reason);

    [LoggerMessage(EventId = 1208, Level = LogLevel.Warning, Message = "Configuration defect: agents {First} and {Second} report the same SNMP engine ID {EngineId}")]
    public static partial void DuplicateEngineId(this ILogger logger, string first, string second, string engineId);

    [LoggerMessage(EventId = 1209, Level = LogLevel.Warning, Message = "Dropped an SNMPv3 answer from {From} outside the time window (boots {Boots}, time {Time}): too old, possibly replayed")]
    public static partial void NotInTimeWindow(this ILogger logger, EndpointText from, int boots, int time);
}
