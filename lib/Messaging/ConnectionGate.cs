namespace ClassroomFleet.Messaging;

/// <summary>
/// An awaitable open/closed flag: the publish pump waits here while the connection is down. Each opening carries the
/// connection generation, so that a late failure report from an old connection cannot close the gate of a new one.
/// </summary>
internal sealed class ConnectionGate
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _open = NewSource();
    private int _generation;

    public bool IsOpen => _open.Task.IsCompleted;

    public int Generation => Volatile.Read(ref _generation);

    public void Open(int generation)
    {
        lock (_lock)
        {
            _generation = generation;
            _open.TrySetResult();
        }
    }

    public void Close()
    {
        lock (_lock)
        {
            if (_open.Task.IsCompleted)
            {
                _open = NewSource();
            }
        }
    }

    public void CloseIf(int generation)
    {
        lock (_lock)
        {
            if (_generation == generation && _open.Task.IsCompleted)
            {
                _open = NewSource();
            }
        }
    }

    public Task WaitOpenAsync(CancellationToken cancellationToken)
    {
        Task task;
        lock (_lock)
        {
            task = _open.Task;
        }

        return task.IsCompleted ? Task.CompletedTask : task.WaitAsync(cancellationToken);
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
