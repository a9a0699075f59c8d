namespace ClassroomFleet.Fleet.Audit;

/// <summary>Log messages of the audit log (event ids 5820–5829).</summary>
internal static partial class AuditLogMessages
{
    [LoggerMessage(EventId = 5820, Level = LogLevel.Information, Message = "Audit chain anchored at entry {Sequence}: {Hash}")]
    public static partial void Anchored(ILogger logger, long sequence, string hash);

    [LoggerMessage(EventId = 5821, Level = LogLevel.Warning, Message = "Audit entry {Sequence} cannot be read, so the log is not intact: {Problem}")]
    public static partial void Unreadable(ILogger logger, long sequence, string problem);
}
