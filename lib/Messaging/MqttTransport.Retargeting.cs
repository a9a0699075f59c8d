using MQTTnet;

namespace ClassroomFleet.Messaging;

/// <summary>Moving the connection to another broker at run time (remote configuration), without a restart.</summary>
public sealed partial class MqttTransport
{
    private readonly Lock _retargetLock = new();
    private TaskCompletionSource _retargeted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The broker the transport connects to now (the configured one unless <see cref="RetargetAsync"/> moved it).</summary>
    public (string Host, int Port) Endpoint
    {
        get
        {
            var options = Volatile.Read(ref _options);
            return (options.Host, options.Port);
        }
    }

    /// <summary>
    /// Points the transport at <paramref name="host"/>:<paramref name="port"/>: the current connection (if any) is closed
    /// cleanly, a pending backoff is cut short, and the connection loop connects to the new broker, keeping subscriptions
    /// and the outgoing queue. Every other option stays. Returns false when the endpoint was already in use.
    /// </summary>
    public async Task<bool> RetargetAsync(string host, int port, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        TaskCompletionSource wake;
        lock (_retargetLock)
        {
            if (_options.Host == host && _options.Port == port)
            {
                return false;
            }

            var moved = _options.WithEndpoint(host, port);
            var clientOptions = MqttClientOptionsFactory.Create(moved);
            Volatile.Write(ref _clientOptions, clientOptions);
            Volatile.Write(ref _options, moved);
            wake = _retargeted;
            _retargeted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _logger.Retargeted(host, port);
        wake.TrySetResult();
        if (_client.IsConnected)
        {
            await _client.TryDisconnectAsync(MqttClientDisconnectOptionsReason.NormalDisconnection, "moving to another broker").ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return true;
    }

    /// <summary>Waits out a reconnect delay; true when a retarget ended it early.</summary>
    private async Task<bool> WaitOrRetargetAsync(TimeSpan delay, CancellationToken stopping)
    {
        Task wake;
        lock (_retargetLock)
        {
            wake = _retargeted.Task;
        }

        var finished = await Task.WhenAny(Task.Delay(delay, stopping), wake).ConfigureAwait(false);
        stopping.ThrowIfCancellationRequested();
        return finished == wake;
    }
}
