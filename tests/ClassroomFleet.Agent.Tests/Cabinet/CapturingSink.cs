using System.Threading.Channels;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.Publishing;

namespace ClassroomFleet.Agent.Tests.Cabinet;

/// <summary>An <see cref="ITelemetrySink"/> that hands each outcome to the test.</summary>
public sealed class CapturingSink : ITelemetrySink
{
    private readonly Channel<PollOutcome> _outcomes = Channel.CreateUnbounded<PollOutcome>();

    public int Count { get; private set; }

    /// <summary>Thrown, once, by the next <see cref="EnqueueAsync"/>, as a sink the module does not foresee might.</summary>
    public Exception? FailNext { get; set; }

    public ValueTask EnqueueAsync(PollOutcome outcome, CancellationToken cancellationToken = default)
    {
        if (FailNext is { } failure)
        {
            FailNext = null;
            throw failure;
        }

        Count++;
        _outcomes.Writer.TryWrite(outcome);
        return ValueTask.CompletedTask;
    }

    public async Task<PollOutcome> NextAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _outcomes.Reader.ReadAsync(guard.Token);
    }

    public bool TryTake(out PollOutcome? outcome) => _outcomes.Reader.TryRead(out outcome);
}
