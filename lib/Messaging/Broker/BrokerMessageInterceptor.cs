using System.Text;
using ClassroomFleet.Messaging.Authorization;
using Microsoft.Extensions.Logging;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace ClassroomFleet.Messaging.Broker;

/// <summary>
/// PUBLISH and delivery checks of the embedded broker, as mosquitto applies its ACL: the write rule and the size limit
/// on every PUBLISH (wills included), the read rule on every delivery to every subscriber (queued for offline sessions
/// too). Adds the sender's user name as the user property <c>cf-sender</c>, after removing any the client set itself.
/// </summary>
internal sealed class BrokerMessageInterceptor(
    EmbeddedBrokerOptions options,
    SessionOwners owners,
    EmbeddedBrokerCounters counters,
    ILogger logger)
{
    public Task InterceptPublishAsync(InterceptingPublishEventArgs args)
    {
        var message = args.ApplicationMessage;
        message.UserProperties?.RemoveAll(p => p.Name == MqttTransport.SenderProperty);
        if (string.IsNullOrEmpty(args.ClientId))
        {
            return Task.CompletedTask; // injected by the server itself
        }

        var principal = owners.OwnerOf(args.ClientId);
        if (principal is null || !SchoolTopicAuthorizer.MayPublish(principal, message.Topic))
        {
            counters.PublishDenied();
            logger.PublishDenied(message.Topic, args.UserName, args.ClientId);
            Refuse(args, MqttPubAckReasonCode.NotAuthorized);
            return Task.CompletedTask;
        }

        if (options.MessageSizeLimit > 0 && message.Payload.Length > options.MessageSizeLimit)
        {
            counters.PublishOversized();
            logger.PublishOversized(message.Topic, message.Payload.Length, options.MessageSizeLimit, args.ClientId);
            Refuse(args, (MqttPubAckReasonCode)149); // what mosquitto 2.0 answers for message_size_limit: packet too large
            return Task.CompletedTask;
        }

        message.UserProperties ??= [];
        var sender = principal.UserName.Length > 0 ? principal.UserName : args.ClientId;
        message.UserProperties.Add(new MqttUserProperty(MqttTransport.SenderProperty, Encoding.UTF8.GetBytes(sender).AsMemory()));
        return Task.CompletedTask;
    }

    public Task InterceptEnqueueAsync(InterceptingClientApplicationMessageEnqueueEventArgs args)
    {
        var receiver = owners.OwnerOf(args.ReceiverClientId);
        if (receiver is { Role: BrokerRole.Fleet or BrokerRole.Admin })
        {
            return Task.CompletedTask;
        }

        if (receiver is null || !SchoolTopicAuthorizer.MayReceive(receiver, args.ApplicationMessage.Topic))
        {
            counters.DeliveryDenied();
            logger.DeliveryDenied(args.ApplicationMessage.Topic, receiver?.UserName, args.ReceiverClientId);
            args.AcceptEnqueue = false;
        }

        return Task.CompletedTask;
    }

    private static void Refuse(InterceptingPublishEventArgs args, MqttPubAckReasonCode reason)
    {
        args.ProcessPublish = false;
        args.Response.ReasonCode = reason;
    }
}
