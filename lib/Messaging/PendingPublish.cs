namespace ClassroomFleet.Messaging;

/// <summary>
/// One message between PublishAsync and its acknowledgement. It holds a slot of the bounded queue and gives it back
/// exactly once, whichever way it ends (acknowledged, refused, cancelled, stopped). A message sent once more after a
/// lost connection (<see cref="RecentAcknowledgements"/>) has no caller waiting and holds no slot.
/// </summary>
internal sealed class PendingPublish(OutgoingMessage message, SemaphoreSlim? slots, CancellationToken cancellationToken)
{
    private readonly TaskCompletionSource<PublishResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OutgoingMessage Message { get; } = message;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public Task<PublishResult> Completion => _completion.Task;

    public bool IsFinished => _completion.Task.IsCompleted;

    /// <summary>The connection generation this message was last sent on.</summary>
    public int Generation { get; set; }

    public void Complete(PublishResult result)
    {
        if (_completion.TrySetResult(result))
        {
            slots?.Release();
        }
    }

    public void Cancel()
    {
        if (_completion.TrySetCanceled(CancellationToken))
        {
            slots?.Release();
        }
    }
}
