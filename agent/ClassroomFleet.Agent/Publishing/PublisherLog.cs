using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Publishing;

/// <summary>Log events of publishing and acknowledgement (2200–2249).</summary>
internal static partial class PublisherLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Published batch {Sequence} of {Device} ({Bytes} bytes)")]
    public static partial void Published(ILogger logger, string device, long sequence, int bytes);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Batch {Sequence} of {Device} not accepted by the broker ({Failure}: {Reason}); it is published again in {RetrySeconds} s")]
    public static partial void NotAccepted(ILogger logger, string device, long sequence, string failure, string? reason, double retrySeconds);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Malformed acknowledgement on {Topic}: {Reason}")]
    public static partial void AckMalformed(ILogger logger, string topic, string reason);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Error, Message = "The fleet rejected batch {Sequence} for good: {Reason}")]
    public static partial void Rejected(ILogger logger, long sequence, string reason);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Warning, Message = "Batch {Sequence} of {Device} was not acknowledged by the fleet within {AckTimeoutSeconds} s; publishing it again")]
    public static partial void Republished(ILogger logger, string device, long sequence, double ackTimeoutSeconds);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Warning, Message = "Batch {Sequence} of {Device} was not acknowledged by the fleet within {AckTimeoutSeconds} s although the broker acknowledged it under MQTT 3.1.1, whose PUBACK carries no reason code: the broker's ACL may be dropping it (check the user name against the school code); publishing it again")]
    public static partial void RepublishedUnverified(ILogger logger, string device, long sequence, double ackTimeoutSeconds);

    [LoggerMessage(EventId = 2207, Level = LogLevel.Warning, Message = "Acknowledgement on {Topic} ignored: it names fleet {Fleet}, this agent trusts {Expected} (Agent:FleetId); {Batches} batches stay in the outbox")]
    public static partial void AckForeignFleet(ILogger logger, string topic, string fleet, string expected, int batches);

    [LoggerMessage(EventId = 2208, Level = LogLevel.Debug, Message = "{Unknown} of {Batches} acknowledged batches were no longer in the outbox (acknowledged before, or expired)")]
    public static partial void AckUnknownBatches(ILogger logger, int unknown, int batches);
}
