namespace ClassroomFleet.Agent.Outbox;

/// <summary>Maps a failed write to its drop reason. On Unix .NET carries the errno in <see cref="Exception.HResult"/>.</summary>
internal static class DropClassifier
{
    private const int Enospc = 28;
    private const int Erofs = 30;
    private const int Edquot = 122;

    public static DropReason Classify(Exception exception) => exception switch
    {
        UnauthorizedAccessException => DropReason.ReadOnly,
        IOException { HResult: Enospc or Edquot } => DropReason.DiskFull,
        IOException { HResult: Erofs } => DropReason.ReadOnly,
        IOException when exception.Message.Contains("No space left", StringComparison.OrdinalIgnoreCase) => DropReason.DiskFull,
        IOException when exception.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase) => DropReason.ReadOnly,
        _ => DropReason.IoError,
    };

    public static bool IsIoFailure(Exception exception) => exception is IOException or UnauthorizedAccessException;
}
