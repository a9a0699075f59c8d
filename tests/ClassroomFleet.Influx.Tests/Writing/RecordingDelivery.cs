using System.Collections.Concurrent;
using ClassroomFleet.Influx.Writing;

namespace ClassroomFleet.Influx.Tests.Writing;

/// <summary>Records delivery reports and quarantined lines, and lets a test wait for a number of reports.</summary>
internal sealed class RecordingDelivery : IDeliveryListener, IQuarantineSink
{
    private readonly Lock _lock = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];

    public ConcurrentQueue<DeliveryReport> Reports { get; } = new();

    public ConcurrentQueue<QuarantinedLine> Quarantined { get; } = new();

    public ValueTask OnDeliveredAsync(DeliveryReport report, CancellationToken cancellationToken)
    {
        Reports.Enqueue(report);
        lock (_lock)
        {
            foreach (var (count, done) in _waiters)
            {
                if (Reports.Count >= count)
                {
                    done.TrySetResult();
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask QuarantineAsync(QuarantinedLine line, CancellationToken cancellationToken)
    {
        Quarantined.Enqueue(line);
        return ValueTask.CompletedTask;
    }

    public DeliveryReport For(object token) => Reports.Single(r => Equals(r.Token, token));

    /// <summary>Waits for <paramref name="count"/> reports; the generous limit only stops a hung test, it asserts no speed.</summary>
    public async Task WaitForReportsAsync(int count, int limitSeconds = 60)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (Reports.Count >= count)
            {
                return;
            }

            _waiters.Add((count, done));
        }

        await done.Task.WaitAsync(TimeSpan.FromSeconds(limitSeconds));
    }
}
