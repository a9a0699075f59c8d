using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet;
using ClassroomFleet.Messaging.Connecting;

namespace ClassroomFleet.Messaging;

/// <summary>
/// The MQTT transport over MQTTnet 5 (which has no managed client any more): one connection loop that connects and
/// reconnects with backoff, one publish pump that drains the bounded queue while connected, and a receive dispatcher.
/// This file holds the lifecycle and the connection loop; publishing and receiving are in the partial files beside it.
/// </summary>
public sealed partial class MqttTransport : IMqttTransport
{
    private MqttTransportOptions _options;
    private readonly ILogger _logger;
    private readonly IMqttClient _client;
    private readonly ReceiveWindowAdapterFactory _adapters;
    private MqttClientOptions _clientOptions;
    private readonly ReconnectBackoff _backoff;
    private readonly ConnectionGate _gate = new();
    private readonly Channel<PendingPublish> _queue = Channel.CreateUnbounded<PendingPublish>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _inflight;
    private readonly ConcurrentDictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly MqttTransportMetrics _metrics;
    private readonly RecentAcknowledgements _recent;

    // Acknowledged messages to send once more after a lost connection: the pump takes them before the queue, so they go
    // out first on the next connection (a caller that saw its own publishes acknowledged may stop right after).
    private readonly ConcurrentQueue<PendingPublish> _republish = new();
    private readonly ConcurrentDictionary<PendingPublish, byte> _republishing = new();
    private static readonly TimeSpan RepublishDrainTimeout = TimeSpan.FromSeconds(2);
    private TaskCompletionSource _disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _connectionLoop = Task.CompletedTask;
    private Task _publishPump = Task.CompletedTask;
    private int _generation;
    private long _serverMaximumPacketSize;
    private int _started;
    private int _stopped;

    public MqttTransport(MqttTransportOptions options, ILogger<MqttTransport> logger)
    {
        var errors = new MqttTransportOptionsValidator().Errors(options);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(MqttTransportOptions.SectionName, typeof(MqttTransportOptions), errors);
        }

        _options = options;
        _logger = logger;
        _clientOptions = MqttClientOptionsFactory.Create(options);
        _backoff = new ReconnectBackoff(options.ReconnectMinDelay, options.ReconnectMaxDelay);
        _slots = new SemaphoreSlim(options.OutgoingQueueCapacity, options.OutgoingQueueCapacity);
        _inflight = new SemaphoreSlim(options.MaximumInflight, options.MaximumInflight);
        _recent = new RecentAcknowledgements(options.RepublishAfterLoss, options.RepublishAfterLossWindow, TimeProvider.System);
        _adapters = new ReceiveWindowAdapterFactory(options.IsVersion311 ? int.MaxValue : options.ReceiveMaximum);
        _client = new MqttClientFactory().CreateMqttClient(_adapters);
        _client.DisconnectedAsync += OnDisconnectedAsync;
        _client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
        _metrics = new MqttTransportMetrics(Counters, options.ClientId, () => IsConnected);
    }

    /// <summary>QoS 1/2 messages read from the current connection and not yet acknowledged (for tests).</summary>
    internal int ReceivedUnacknowledged => _adapters.Current?.Unacknowledged ?? 0;

    public event EventHandler<ConnectionStateChangedEventArgs>? ConnectionStateChanged;

    public bool IsConnected => _client.IsConnected && _gate.IsOpen;

    public MqttTransportCounters Counters { get; } = new();

    public MqttTransportOptions Options => _options;

    /// <summary>The most recent failed connection attempt (null before the first failure); counted per kind in <see cref="Counters"/>.</summary>
    public ConnectOutcome? LastConnectFailure { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _stopped) == 1, this);
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            return;
        }

        var firstAttempt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _connectionLoop = Task.Run(() => RunConnectionLoopAsync(firstAttempt, _stopping.Token), CancellationToken.None);
        _publishPump = Task.Run(() => RunPublishPumpAsync(_stopping.Token), CancellationToken.None);
        await firstAttempt.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task WaitConnectedAsync(CancellationToken cancellationToken = default) => _gate.WaitOpenAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        await DrainRepublishingAsync(cancellationToken).ConfigureAwait(false);
        await _stopping.CancelAsync().ConfigureAwait(false);
        _queue.Writer.TryComplete();
        await Task.WhenAll(_connectionLoop, _publishPump).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (_client.IsConnected)
        {
            // A normal DISCONNECT (reason 0) tells the broker not to publish the will (MQTT 5.0 §3.14.2.1).
            await _client.TryDisconnectAsync(MqttClientDisconnectOptionsReason.NormalDisconnection, "stopping").ConfigureAwait(false);
        }

        _gate.Close();
        while (_queue.Reader.TryRead(out var pending))
        {
            pending.Complete(Stopped);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _client.Dispose();
        _stopping.Dispose();
        _slots.Dispose();
        _inflight.Dispose();
        _metrics.Dispose();
    }

    private async Task RunConnectionLoopAsync(TaskCompletionSource firstAttempt, CancellationToken stopping)
    {
        var attempt = 0;
        while (!stopping.IsCancellationRequested)
        {
            var disconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _disconnected, disconnected);
            var connectedWith = Volatile.Read(ref _clientOptions);
            var (result, outcome) = await TryConnectAsync(stopping).ConfigureAwait(false);
            if (stopping.IsCancellationRequested)
            {
                break;
            }

            if (result is not null)
            {
                attempt = 0;
                await OnConnectedAsync(result, stopping).ConfigureAwait(false);
                firstAttempt.TrySetResult();
                if (!ReferenceEquals(connectedWith, Volatile.Read(ref _clientOptions)))
                {
                    // Retargeted while this attempt was under way: leave the old broker for the new one.
                    await _client.TryDisconnectAsync(MqttClientDisconnectOptionsReason.NormalDisconnection, "moving to another broker").ConfigureAwait(false);
                }

                try
                {
                    await disconnected.Task.WaitAsync(stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                continue;
            }

            attempt++;
            Counters.ConnectFailed(outcome.Failure);
            LastConnectFailure = outcome;
            var delay = _backoff.Delay(attempt);
            _logger.ConnectFailed(_options.Host, _options.Port, attempt, outcome.Failure, outcome.Detail, delay);
            firstAttempt.TrySetResult();
            RaiseStateChanged(new ConnectionStateChangedEventArgs(outcome));
            try
            {
                // A retarget cuts the backoff short: the new broker is tried at once.
                if (await WaitOrRetargetAsync(delay, stopping).ConfigureAwait(false))
                {
                    attempt = 0;
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        firstAttempt.TrySetResult();
    }

    private async Task<(MqttClientConnectResult? Result, ConnectOutcome Outcome)> TryConnectAsync(CancellationToken stopping)
    {
        try
        {
            var result = await _client.ConnectAsync(Volatile.Read(ref _clientOptions), stopping).ConfigureAwait(false);
            return result.ResultCode == MqttClientConnectResultCode.Success
                ? (result, default)
                : (null, ConnectFailureMapper.FromResult(result));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return (null, new ConnectOutcome(ConnectFailure.None, null, "stopping"));
        }
#pragma warning disable CA1031 // The reconnect loop must outlive any failure (socket, TLS, protocol); each is logged and counted.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (null, ConnectFailureMapper.FromException(ex));
        }
    }

    private async Task OnConnectedAsync(MqttClientConnectResult result, CancellationToken stopping)
    {
        Interlocked.Exchange(ref _serverMaximumPacketSize, result.MaximumPacketSize ?? 0);
        Counters.Connected();
        _logger.Connected(_options.Host, _options.Port, _options.ClientId, result.IsSessionPresent);
        if (_options.IsVersion311)
        {
            _logger.AcknowledgementsUnverified(_options.Host, _options.Port);
        }
        foreach (var subscription in _subscriptions.Values)
        {
            // mosquitto 2.0.11 restores a persistent session after kill -9 without its shared subscriptions (checked with
            // mosquitto_sub: the plain filter of the same session still delivered, the $share one did not), so those are
            // sent again even when the session is present. A shared subscription gets no retained messages, so it is harmless.
            if (!result.IsSessionPresent || subscription.Filter.StartsWith("$share/", StringComparison.Ordinal))
            {
                subscription.Confirmed = false;
            }
        }

        await ResubscribeAsync(stopping).ConfigureAwait(false);
        _gate.Open(Interlocked.Increment(ref _generation));
        RaiseStateChanged(new ConnectionStateChangedEventArgs(true, result.IsSessionPresent, null));
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        _gate.Close();
        Volatile.Read(ref _disconnected).TrySetResult();
        if (args.ClientWasConnected && Volatile.Read(ref _stopped) == 0)
        {
            Counters.ConnectionLost();
            var reason = args.ReasonString is { Length: > 0 } text ? $"{args.Reason}: {text}" : args.Reason.ToString();
            _logger.ConnectionLost(reason, args.Exception);
            QueueRepublish(_recent.TakeRecent(_gate.Generation));
            RaiseStateChanged(new ConnectionStateChangedEventArgs(false, false, reason));
        }

        return Task.CompletedTask;
    }

    private void RaiseStateChanged(ConnectionStateChangedEventArgs args)
    {
        try
        {
            ConnectionStateChanged?.Invoke(this, args);
        }
#pragma warning disable CA1031 // A subscriber's bug must not stop reconnecting.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.StateHandlerFailed(ex);
        }
    }
}
