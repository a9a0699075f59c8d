using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Outbox;

/// <summary>Log events of the outbox (2300–2349).</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Information, Message = "Outbox {Directory} opened: {Records} batches ({Bytes} bytes) in {Segments} segments waiting for the fleet; next sequence {NextSequence}")]
    public static partial void Opened(this ILogger logger, string directory, int records, long bytes, int segments, long nextSequence);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Error, Message = "Outbox segment {Segment} is damaged ({Regions} damaged stretch(es), {Lost} batches provably lost): moved to {Quarantine}, {Salvaged} batches salvaged")]
    public static partial void Quarantined(this ILogger logger, string segment, int regions, long lost, string quarantine, int salvaged);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Warning, Message = "Outbox segment {Segment} ended in {Bytes} bytes after its last whole record, {Records} record(s) begun in them (a write a crash or power loss interrupted before its fsync, never confirmed as collected): cut off, counted as torn_tail. The tail held {Content}")]
    public static partial void TornTail(this ILogger logger, string segment, int bytes, int records, string content);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Error, Message = "Outbox write failed ({Reason}): {Count} batches dropped. {Error}")]
    public static partial void WriteFailed(this ILogger logger, DropReason reason, int count, string error);

    [LoggerMessage(EventId = 2304, Level = LogLevel.Information, Message = "Outbox writes work again after {Reason}")]
    public static partial void WriteRecovered(this ILogger logger, DropReason reason);

    [LoggerMessage(EventId = 2305, Level = LogLevel.Warning, Message = "Outbox over its bounds: dropped {Count} batches ({Reason}), oldest first")]
    public static partial void Dropped(this ILogger logger, DropReason reason, long count);

    [LoggerMessage(EventId = 2306, Level = LogLevel.Error, Message = "Outbox folder {Directory} cannot be opened for writing ({Reason}): the agent keeps polling and counts what it cannot store. {Error}")]
    public static partial void NotWritable(this ILogger logger, string directory, DropReason reason, string error);

    [LoggerMessage(EventId = 2307, Level = LogLevel.Warning, Message = "Outbox housekeeping failed on {Path}: {Error}")]
    public static partial void HousekeepingFailed(this ILogger logger, string path, string error);

    [LoggerMessage(EventId = 2308, Level = LogLevel.Error, Message = "Outbox segment {Segment} could not be read: {Error}")]
    public static partial void ReadFailed(this ILogger logger, string segment, string error);
}
