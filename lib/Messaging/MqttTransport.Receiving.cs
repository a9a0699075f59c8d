using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace ClassroomFleet.Messaging;

/// <summary>Subscriptions (remembered, renewed after reconnect) and dispatch of received messages to their handlers.</summary>
public sealed partial class MqttTransport
{
    /// <summary>User property naming the sender, set by the embedded broker; mosquitto does not add it.</summary>
    public const string SenderProperty = "cf-sender";

    public async Task SubscribeAsync(
        string topicFilter,
        MessageQos qos,
        Func<IncomingMessage, CancellationToken, Task> handler,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topicFilter);
        var subscription = new Subscription(topicFilter, qos, handler);
        _subscriptions[topicFilter] = subscription;
        if (!_client.IsConnected)
        {
            return;
        }

        try
        {
            await SendSubscribeAsync([subscription], cancellationToken).ConfigureAwait(false);
        }
        catch (MqttSubscribeException)
        {
            _subscriptions.TryRemove(new KeyValuePair<string, Subscription>(topicFilter, subscription));
            throw;
        }
        catch (MqttCommunicationException)
        {
            // The connection dropped meanwhile; the subscription is remembered and sent after reconnecting.
        }
    }

    public async Task UnsubscribeAsync(string topicFilter, CancellationToken cancellationToken = default)
    {
        if (_subscriptions.TryRemove(topicFilter, out _) && _client.IsConnected)
        {
            try
            {
                await _client.UnsubscribeAsync(topicFilter, cancellationToken).ConfigureAwait(false);
            }
            catch (MqttCommunicationException)
            {
                // Without a session the broker forgets it anyway; with one, the next UNSUBSCRIBE is not needed to stop dispatch.
            }
        }
    }

    private async Task ResubscribeAsync(CancellationToken stopping)
    {
        var missing = new List<Subscription>();
        foreach (var subscription in _subscriptions.Values)
        {
            if (!subscription.Confirmed)
            {
                missing.Add(subscription);
            }
        }

        if (missing.Count == 0)
        {
            return;
        }

        try
        {
            await SendSubscribeAsync(missing, stopping).ConfigureAwait(false);
        }
        catch (MqttSubscribeException)
        {
            // Already logged and counted per filter; the others were confirmed.
        }
        catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException)
        {
            _logger.ResubscribeFailed(ex);
        }
    }

    private async Task SendSubscribeAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken)
    {
        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (var subscription in subscriptions)
        {
            builder = builder.WithTopicFilter(subscription.Filter, (MqttQualityOfServiceLevel)subscription.Qos);
        }

        var result = await _client.SubscribeAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
        MqttSubscribeException? refused = null;
        foreach (var item in result.Items)
        {
            var subscription = FindByFilter(subscriptions, item.TopicFilter.Topic);
            if (item.ResultCode <= MqttClientSubscribeResultCode.GrantedQoS2)
            {
                subscription?.Confirmed = true;
                continue;
            }

            Counters.SubscriptionRefused();
            _logger.SubscribeRefused(item.TopicFilter.Topic, item.ResultCode.ToString());
            refused ??= new MqttSubscribeException(item.TopicFilter.Topic, (int)item.ResultCode, item.ResultCode.ToString());
        }

        if (refused is not null)
        {
            throw refused;
        }
    }

    private static Subscription? FindByFilter(IReadOnlyList<Subscription> subscriptions, string filter)
    {
        foreach (var subscription in subscriptions)
        {
            if (subscription.Filter == filter)
            {
                return subscription;
            }
        }

        return null;
    }

    private async Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        Counters.MessageReceived();
        if (args.ApplicationMessage.Payload.Length > _options.MaximumPacketSize)
        {
            // Under 5.0 the broker must not send it (we announced the limit); 3.1.1 has no way to announce it. Its bytes
            // are already read, but no handler gets it; acknowledged, so it is not sent again.
            Counters.MessageOversized();
            _logger.ReceivedOversized(args.ApplicationMessage.Topic, args.ApplicationMessage.Payload.Length, _options.MaximumPacketSize);
            return;
        }

        var incoming = IncomingMessageFactory.Create(args.ApplicationMessage, SenderProperty);
        var matched = false;
        foreach (var (_, subscription) in _subscriptions)
        {
            if (MqttTopicFilterComparer.Compare(incoming.Topic, subscription.MatchFilter) != MqttTopicFilterCompareResult.IsMatch)
            {
                continue;
            }

            matched = true;
            await InvokeHandlerAsync(subscription, incoming).ConfigureAwait(false);
        }

        if (!matched)
        {
            Counters.MessageUnmatched();
            _logger.Unmatched(incoming.Topic);
        }
    }

    private async Task InvokeHandlerAsync(Subscription subscription, IncomingMessage message)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(_options.HandlerTimeout);
        Task? running = null;
        try
        {
            running = subscription.Handler(message, timeout.Token);
            if (running.IsCompletedSuccessfully)
            {
                return; // the common case of a quick handler: no second timer for the wait
            }

            await running.WaitAsync(_options.HandlerTimeout, _stopping.Token).ConfigureAwait(false);
        }
        catch (TimeoutException) when (running is { IsCompleted: false })
        {
            Counters.HandlerTimedOut();
            _logger.HandlerTimedOut(subscription.Filter, message.Topic, _options.HandlerTimeout);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            Counters.HandlerTimedOut();
            _logger.HandlerTimedOut(subscription.Filter, message.Topic, _options.HandlerTimeout);
        }
#pragma warning disable CA1031 // A handler's exception must never reach MQTTnet's receive path; it is logged and counted.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Counters.HandlerFailed();
            _logger.HandlerFailed(subscription.Filter, message.Topic, ex);
        }
    }
}
