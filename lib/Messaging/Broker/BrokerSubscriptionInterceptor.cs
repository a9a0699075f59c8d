using System.Collections.Concurrent;
using ClassroomFleet.Messaging.Authorization;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace ClassroomFleet.Messaging.Broker;

/// <summary>
/// SUBSCRIBE handling of the embedded broker, equal to mosquitto's: every filter is granted, and what a user may not
/// read is withheld on delivery (<see cref="BrokerMessageInterceptor.InterceptEnqueueAsync"/>). MQTTnet sends the
/// retained messages of a new subscription without that check, so for a filter reaching beyond the user's rights the
/// retained messages are suppressed and only those the user may read are sent, right after the subscription is added.
/// </summary>
internal sealed class BrokerSubscriptionInterceptor(
    Func<MqttServer> server,
    SessionOwners owners,
    EmbeddedBrokerCounters counters,
    ILogger logger)
{
    private readonly ConcurrentDictionary<(string ClientId, string Filter), byte> _retainedToFilter = new();

    public Task InterceptSubscriptionAsync(InterceptingSubscriptionEventArgs args)
    {
        var principal = owners.OwnerOf(args.ClientId);
        if (principal is { Role: BrokerRole.Fleet or BrokerRole.Admin })
        {
            return Task.CompletedTask;
        }

        var filter = args.TopicFilter;
        if (principal is not null && SchoolTopicAuthorizer.MaySubscribe(principal, filter.Topic))
        {
            return Task.CompletedTask;
        }

        counters.SubscriptionBeyondRights();
        logger.SubscriptionBeyondRights(filter.Topic, args.UserName, args.ClientId);
        if (filter.RetainHandling != MqttRetainHandling.DoNotSendOnSubscribe)
        {
            filter.RetainHandling = MqttRetainHandling.DoNotSendOnSubscribe;
            _retainedToFilter[(args.ClientId, filter.Topic)] = 0;
        }

        return Task.CompletedTask;
    }

    public async Task SendPermittedRetainedAsync(ClientSubscribedTopicEventArgs args)
    {
        if (!_retainedToFilter.TryRemove((args.ClientId, args.TopicFilter.Topic), out _)
            || owners.OwnerOf(args.ClientId) is not { } principal)
        {
            return;
        }

        var broker = server();
        var session = await broker.GetSessionAsync(args.ClientId).ConfigureAwait(false);
        if (session is null)
        {
            return;
        }

        foreach (var retained in await broker.GetRetainedMessagesAsync().ConfigureAwait(false))
        {
            if (MqttTopicFilterComparer.Compare(retained.Topic, args.TopicFilter.Topic) != MqttTopicFilterCompareResult.IsMatch
                || !SchoolTopicAuthorizer.MayReceive(principal, retained.Topic))
            {
                continue;
            }

            var qos = (MqttQualityOfServiceLevel)Math.Min((int)retained.QualityOfServiceLevel, (int)args.TopicFilter.QualityOfServiceLevel);
            var copy = new MqttApplicationMessageBuilder()
                .WithTopic(retained.Topic)
                .WithPayload(retained.Payload)
                .WithQualityOfServiceLevel(qos)
                .WithRetainFlag(true)
                .WithContentType(retained.ContentType)
                .WithResponseTopic(retained.ResponseTopic)
                .WithCorrelationData(retained.CorrelationData)
                .Build();
            copy.UserProperties = retained.UserProperties;
            session.TryEnqueueApplicationMessage(copy, out _);
        }
    }
}
