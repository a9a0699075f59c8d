namespace ClassroomFleet.Agent.Outbox;

/// <summary>
/// The outcome of one append: stored durably (fsynced) under <see cref="Sequence"/>, or dropped with a reason. An append
/// never throws for I/O errors: the agent keeps polling whatever the disk does.
/// </summary>
public readonly record struct AppendResult(bool Stored, long Sequence, DropReason Reason)
{
    public static AppendResult Success(long sequence) => new(true, sequence, default);

    public static AppendResult Dropped(DropReason reason) => new(false, 0, reason);
}
