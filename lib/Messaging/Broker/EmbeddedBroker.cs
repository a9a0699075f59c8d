using System.Net;
using System.Text;
using ClassroomFleet.Messaging.Authorization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace ClassroomFleet.Messaging.Broker;

/// <summary>
/// MQTTnet.Server hosted in the fleet process, enforcing the same rules as the mosquitto configuration: users from a
/// mosquitto password file, <see cref="SchoolTopicAuthorizer"/> for every PUBLISH and SUBSCRIBE. Differences from
/// mosquitto, on purpose: a forbidden subscription is refused in SUBACK (reason 135) instead of being granted and
/// then never delivering; the sender's user name is added to each message as the user property <c>cf-sender</c>.
/// </summary>
public sealed class EmbeddedBroker : IHostedService, IAsyncDisposable
{
    private readonly EmbeddedBrokerOptions _options;
    private readonly ILogger _logger;
    private readonly MosquittoPasswordFile? _passwords;
    private readonly Dictionary<string, BrokerRole> _roles;
    private readonly MqttServer _server;
    private long _deniedPublishes;
    private long _deniedSubscriptions;
    private long _refusedConnections;

    public EmbeddedBroker(IOptions<EmbeddedBrokerOptions> options, ILogger<EmbeddedBroker> logger)
    {
        _options = options.Value;
        _logger = logger;
        _passwords = string.IsNullOrEmpty(_options.PasswordFile) ? null : MosquittoPasswordFile.Load(_options.PasswordFile);
        _roles = new Dictionary<string, BrokerRole>(_options.Roles, StringComparer.Ordinal);
        var serverOptions = new MqttServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointBoundIPAddress(IPAddress.Parse(_options.BindAddress))
            .WithDefaultEndpointPort(_options.Port)
            .WithPersistentSessions(true)
            .WithMaxPendingMessagesPerClient(_options.MaxPendingMessagesPerClient)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions);
        _server.ValidatingConnectionAsync += ValidateConnectionAsync;
        _server.InterceptingPublishAsync += InterceptPublishAsync;
        _server.InterceptingSubscriptionAsync += InterceptSubscriptionAsync;
    }

    public long DeniedPublishes => Interlocked.Read(ref _deniedPublishes);

    public long DeniedSubscriptions => Interlocked.Read(ref _deniedSubscriptions);

    public long RefusedConnections => Interlocked.Read(ref _refusedConnections);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _server.StartAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        _logger.Started(_options.BindAddress, _options.Port, _passwords?.Users.Count ?? 0);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server.IsStarted)
        {
            await _server.StopAsync(new MqttServerStopOptions()).WaitAsync(cancellationToken).ConfigureAwait(false);
            _logger.Stopped();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _server.Dispose();
    }

    private BrokerPrincipal PrincipalOf(string? userName) =>
        string.IsNullOrEmpty(userName)
            ? new BrokerPrincipal("", _options.AllowAnonymous ? BrokerRole.Fleet : BrokerRole.None, null)
            : BrokerPrincipal.For(userName, _roles);

    private Task ValidateConnectionAsync(ValidatingConnectionEventArgs args)
    {
        var anonymousOk = string.IsNullOrEmpty(args.UserName) && _options.AllowAnonymous;
        if (!anonymousOk && _passwords?.Verify(args.UserName, args.Password) != true)
        {
            Interlocked.Increment(ref _refusedConnections);
            _logger.ConnectionRefused(args.ClientId, args.UserName);
            // mosquitto answers a bad password with 135 under 5.0 and 5 under 3.1.1; MQTTnet maps 135 to 5 for 3.1.1.
            args.ReasonCode = MqttConnectReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }

    private Task InterceptPublishAsync(InterceptingPublishEventArgs args)
    {
        var message = args.ApplicationMessage;
        message.UserProperties?.RemoveAll(p => p.Name == MqttTransport.SenderProperty);
        if (args.ClientId is null || args.ClientId.Length == 0)
        {
            return Task.CompletedTask; // injected by the server itself
        }

        var principal = PrincipalOf(args.UserName);
        if (!SchoolTopicAuthorizer.MayPublish(principal, message.Topic))
        {
            Interlocked.Increment(ref _deniedPublishes);
            _logger.PublishDenied(message.Topic, args.UserName, args.ClientId);
            args.ProcessPublish = false;
            args.Response.ReasonCode = MqttPubAckReasonCode.NotAuthorized;
            return Task.CompletedTask;
        }

        message.UserProperties ??= [];
        message.UserProperties.Add(new MqttUserProperty(MqttTransport.SenderProperty, Encoding.UTF8.GetBytes(principal.UserName.Length > 0 ? principal.UserName : args.ClientId).AsMemory()));
        return Task.CompletedTask;
    }

    private Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs args)
    {
        var principal = PrincipalOf(args.UserName);
        if (!SchoolTopicAuthorizer.MaySubscribe(principal, args.TopicFilter.Topic))
        {
            Interlocked.Increment(ref _deniedSubscriptions);
            _logger.SubscribeDenied(args.TopicFilter.Topic, args.UserName, args.ClientId);
            args.ProcessSubscription = false;
            args.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        }

        return Task.CompletedTask;
    }
}
