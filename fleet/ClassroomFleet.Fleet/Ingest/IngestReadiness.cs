namespace ClassroomFleet.Fleet.Ingest;

/// <summary>Completes once the ingest has subscribed to the telemetry stream; /healthz reports ready only then.</summary>
public sealed class IngestReadiness
{
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Subscribed => _subscribed.Task;

    public bool IsSubscribed => _subscribed.Task.IsCompleted;

    public void MarkSubscribed() => _subscribed.TrySetResult();
}
