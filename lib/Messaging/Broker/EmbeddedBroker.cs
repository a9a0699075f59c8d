using ClassroomFleet.Messaging.Authorization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace ClassroomFleet.Messaging.Broker;

/// <summary>
/// MQTTnet.Server hosted in the fleet process, enforcing the same rules as the production mosquitto
/// (provisioning/mosquitto): users from a mosquitto password file (reread when it changes), <see cref="SchoolTopicAuthorizer"/>
/// on every PUBLISH and every delivery, a payload size limit, and sessions bound to the user that created them; after a
/// reload, clients whose user was removed or changed are disconnected, as mosquitto does.
/// One difference on purpose: the sender's user name is added to each message as the user property <c>cf-sender</c>.
/// </summary>
public sealed class EmbeddedBroker : IHostedService, IAsyncDisposable
{
    private readonly EmbeddedBrokerOptions _options;
    private readonly ILogger _logger;
    private readonly ReloadingPasswordFile? _passwords;
    private readonly SessionOwners _owners = new();
    private readonly MqttServer _server;
    private readonly CancellationTokenSource _stopping = new();
    private Task _reloading = Task.CompletedTask;
    private int _disposed;

    public EmbeddedBroker(IOptions<EmbeddedBrokerOptions> options, ILogger<EmbeddedBroker> logger)
    {
        _options = options.Value;
        var errors = new EmbeddedBrokerOptionsValidator().Errors(_options, evenIfDisabled: true);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(EmbeddedBrokerOptions.SectionName, typeof(EmbeddedBrokerOptions), errors);
        }

        _logger = logger;
        _passwords = string.IsNullOrEmpty(_options.PasswordFile) ? null : new ReloadingPasswordFile(_options.PasswordFile);
        var connections = new BrokerConnectionValidator(_options, () => _passwords?.Current, _owners, Counters, logger);
        var messages = new BrokerMessageInterceptor(_options, _owners, Counters, logger);
        var subscriptions = new BrokerSubscriptionInterceptor(() => _server!, _owners, Counters, logger);
        _server = new MqttServerFactory().CreateMqttServer(BrokerServerOptionsFactory.Create(_options));
        _server.ValidatingConnectionAsync += connections.ValidateAsync;
        _server.InterceptingPublishAsync += messages.InterceptPublishAsync;
        _server.InterceptingClientEnqueueAsync += messages.InterceptEnqueueAsync;
        _server.InterceptingSubscriptionAsync += subscriptions.InterceptSubscriptionAsync;
        _server.ClientSubscribedTopicAsync += subscriptions.SendPermittedRetainedAsync;
        _server.SessionDeletedAsync += args =>
        {
            _owners.Release(args.Id);
            return Task.CompletedTask;
        };
    }

    public EmbeddedBrokerCounters Counters { get; } = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _server.StartAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        _logger.Started(_options.BindAddress, _options.Port, _passwords?.Current.Users.Count ?? 0);
        if (_options.Tls.Enabled)
        {
            _logger.TlsStarted(_options.Tls.BindAddress, _options.Tls.Port);
        }

        if (_passwords is not null && _options.PasswordFileReloadInterval > TimeSpan.Zero)
        {
            _reloading = Task.Run(() => ReloadPasswordsAsync(_passwords, _stopping.Token), CancellationToken.None);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            return; // the host stops it, then disposes it; DisposeAsync stops it too
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _reloading.ConfigureAwait(false);
        if (_server.IsStarted)
        {
            await _server.StopAsync(new MqttServerStopOptions()).WaitAsync(cancellationToken).ConfigureAwait(false);
            _logger.Stopped();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _server.Dispose();
        _stopping.Dispose();
    }

    private async Task ReloadPasswordsAsync(ReloadingPasswordFile passwords, CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(_options.PasswordFileReloadInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping).ConfigureAwait(false))
            {
                try
                {
                    if (passwords.ReloadIfChanged() is { } previous)
                    {
                        Counters.PasswordFileReloaded();
                        _logger.PasswordFileReloaded(_options.PasswordFile!, passwords.Current.Users.Count);
                        await DisconnectRevokedAsync(previous, passwords.Current).ConfigureAwait(false);
                    }
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
                {
                    Counters.PasswordFileReloadFailed();
                    _logger.PasswordFileReloadFailed(_options.PasswordFile!, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// As mosquitto 2.0 does on a reload: a connected client whose user was removed or given another password is
    /// disconnected (its reconnect is then refused). Without the client's password at hand, any change of the user's
    /// entry counts, so re-hashing an unchanged password also makes that client reconnect once.
    /// </summary>
    private async Task DisconnectRevokedAsync(MosquittoPasswordFile previous, MosquittoPasswordFile current)
    {
        foreach (var client in await _server.GetClientsAsync().ConfigureAwait(false))
        {
            if (_owners.OwnerOf(client.Id) is not { UserName.Length: > 0 } principal || current.HasSameEntry(principal.UserName, previous))
            {
                continue;
            }

            Counters.ConnectionRevoked();
            _logger.ConnectionRevoked(client.Id, principal.UserName);
            try
            {
                await client.DisconnectAsync(new MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.NotAuthorized })
                    .ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MqttCommunicationException or ObjectDisposedException or InvalidOperationException)
            {
                // It went away by itself meanwhile; its reconnect meets the new users.
            }
        }
    }
}
