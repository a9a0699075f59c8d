using System.Threading.Channels;

namespace ClassroomFleet.Messaging.Tests;

/// <summary>A subscription handler that queues what it receives, for tests to read in order.</summary>
public sealed class Received
{
    private readonly Channel<IncomingMessage> _messages = Channel.CreateUnbounded<IncomingMessage>();

    public Func<IncomingMessage, CancellationToken, Task> Handler => (message, _) =>
    {
        _messages.Writer.TryWrite(message);
        return Task.CompletedTask;
    };

    public async Task<IncomingMessage> NextAsync(int seconds = 15)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        return await _messages.Reader.ReadAsync(timeout.Token);
    }

    public bool TryNext(out IncomingMessage? message) => _messages.Reader.TryRead(out message);

    /// <summary>True when nothing arrives within the grace period (for "must not be delivered" checks).</summary>
    public async Task<bool> NothingWithinAsync(TimeSpan grace)
    {
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _messages.Reader.WaitToReadAsync(timeout.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }
}
