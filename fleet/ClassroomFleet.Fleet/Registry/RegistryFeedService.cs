using System.Data.Common;
using ClassroomFleet.Contracts;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Messaging;

namespace ClassroomFleet.Fleet.Registry;

/// <summary>
/// Keeps the registry from the agents' retained messages: <c>cf/v1/+/+/inventory</c> (school-file facts) and
/// <c>cf/v1/+/+/status</c> (birth, periodic status, last will). Not a shared subscription: every fleet instance gets
/// every retained message when it subscribes. A malformed or spoofed message is rejected, counted and logged, never
/// stored; a database failure is logged and counted, and the retained copy is read again after the next reconnect.
/// </summary>
public sealed class RegistryFeedService(
    IMqttTransport transport,
    RegistryStore store,
    RegistryMetrics metrics,
    RegisteredCounties counties,
    TimeProvider time,
    IEnumerable<IAgentStatusObserver> statusObservers,
    ILogger<RegistryFeedService> logger) : BackgroundService
{
    public const string InventoryKind = "inventory";
    public const string StatusKind = "status";
    public const string AllInventory = Topics.Root + "/+/+/inventory";

    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once both subscriptions are in place.</summary>
    public Task Subscribed => _subscribed.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // While disconnected SubscribeAsync only remembers the filter; "subscribed" must mean the broker granted it.
        await transport.WaitConnectedAsync(stoppingToken).ConfigureAwait(false);
        await transport.SubscribeAsync(AllInventory, MessageQos.AtLeastOnce, HandleAsync, stoppingToken).ConfigureAwait(false);
        logger.FeedSubscribed(AllInventory);
        await transport.SubscribeAsync(Topics.AllStatus, MessageQos.AtLeastOnce, HandleAsync, stoppingToken).ConfigureAwait(false);
        logger.FeedSubscribed(Topics.AllStatus);
        _subscribed.TrySetResult();
    }

    public async Task HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        if (!Topics.TryParse(message.Topic, out var topic) || topic.Kind is not (TopicKind.Inventory or TopicKind.Status))
        {
            Reject("unknown", message.Topic, new RegistryReject(DecodeFailure.Invalid, "not a contract-v1 inventory or status topic"));
            return;
        }

        var kind = topic.Kind == TopicKind.Inventory ? InventoryKind : StatusKind;
        if (message.Payload.IsEmpty)
        {
            logger.RetainedCleared(kind, message.Topic);
            return;
        }

        try
        {
            if (topic.Kind == TopicKind.Inventory)
            {
                var inventory = ContractSerializer.Deserialize(message.Payload.Span, ContractJsonContext.Default.InventoryMessage, m => m.Schema);
                if (InventoryValidator.Validate(topic, inventory) is { } reject)
                {
                    Reject(kind, message.Topic, reject);
                    return;
                }

                await store.ApplyInventoryAsync(inventory, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                counties.Place(inventory.School, inventory.County);
            }
            else
            {
                var status = ContractSerializer.Deserialize(message.Payload.Span, ContractJsonContext.Default.AgentStatus, m => m.Schema);
                if (StatusValidator.Validate(topic, status) is { } reject)
                {
                    Reject(kind, message.Topic, reject);
                    return;
                }

                var received = time.GetUtcNow();
                await store.ApplyStatusAsync(topic.County, topic.School, status, received, cancellationToken).ConfigureAwait(false);
                counties.Seen(topic.School, topic.County);
                foreach (var observer in statusObservers)
                {
                    await observer.OnStatusAsync(topic.County, topic.School, status, received, cancellationToken).ConfigureAwait(false);
                }
            }

            metrics.Accept(kind);
        }
        catch (ContractDecodeException ex)
        {
            Reject(kind, message.Topic, new RegistryReject(ex.Failure, ex.Message));
        }
        catch (DbException ex)
        {
            metrics.StoreFailed(kind);
            logger.StoreFailed(ex, kind, message.Topic);
        }
    }

    private void Reject(string kind, string topic, RegistryReject reject)
    {
        metrics.Reject(kind, reject.Failure);
        logger.FeedRejected(kind, topic, reject.Failure, reject.Reason);
    }
}
