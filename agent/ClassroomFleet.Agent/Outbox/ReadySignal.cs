namespace ClassroomFleet.Agent.Outbox;

/// <summary>
/// An auto-reset signal the publisher awaits: set by appends, acknowledgements and releases. The waiter re-arms it
/// before it looks at the outbox, so a change made while it looks wakes the next wait at once.
/// </summary>
internal sealed class ReadySignal
{
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Set() => Volatile.Read(ref _signal).TrySetResult();

    public async Task WaitAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _signal);
        try
        {
            await current.Task.WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return;
        }

        Interlocked.CompareExchange(ref _signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
    }
}
