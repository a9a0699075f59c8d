using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Messaging.Decoding;

/// <summary>Log messages of payload decoding: event ids 1100–1109.</summary>
internal static partial class PayloadDecoderLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Rejected {Kind} payload on {Topic} ({Bytes} bytes): {Reason} {Detail}")]
    public static partial void Rejected(this ILogger logger, string kind, string topic, int bytes, PayloadRejectReason reason, string? detail);
}
