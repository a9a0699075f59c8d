using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Outbox;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Publishing;

/// <summary>
/// Listens on <c>cf/v1/{county}/{school}/ack</c>: the fleet's word that batches are stored in InfluxDB (they leave the
/// outbox) or rejected for good (they leave, counted as rejected). Only an acknowledgement for this agent that carries
/// the configured fleet identity (<see cref="AgentOptions.FleetId"/>) is applied; one for another agent of the school is
/// ignored, one from another or no fleet is ignored, counted and logged, and so is a malformed one. Sequences the outbox
/// no longer holds (a repeated acknowledgement) are counted as unknown. Nothing here is ever fatal.
/// </summary>
public sealed class AckHandler(IMqttTransport transport, IOutbox outbox, PublishCounters counters, IOptions<AgentOptions> options, ILogger<AckHandler> logger)
{
    public long Malformed => counters.AcksMalformed;

    public Task SubscribeAsync(string county, string school, CancellationToken cancellationToken = default) =>
        transport.SubscribeAsync(Topics.Ack(county, school), MessageQos.AtLeastOnce, HandleAsync, cancellationToken);

    public Task HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        AckMessage ack;
        try
        {
            ack = ContractSerializer.Deserialize(message.Payload.Span, ContractJsonContext.Default.AckMessage, a => a.Schema);
        }
        catch (ContractDecodeException ex)
        {
            counters.AddAckMalformed();
            PublisherLog.AckMalformed(logger, message.Topic, ex.Message);
            return Task.CompletedTask;
        }

        // A list left out of the JSON decodes as null despite the record's defaults.
        var stored = ack.Stored ?? [];
        var rejected = ack.Rejected ?? [];
        if (ack.Agent != options.Value.AgentId)
        {
            counters.AddAckOtherAgent();
            return Task.CompletedTask;
        }

        if (!string.Equals(ack.Fleet, options.Value.FleetId, StringComparison.Ordinal))
        {
            counters.AddAckForeignFleet();
            PublisherLog.AckForeignFleet(logger, message.Topic, ack.Fleet ?? "(none)", options.Value.FleetId, stored.Count + rejected.Count);
            return Task.CompletedTask;
        }

        var known = outbox.Acknowledge(stored);
        if (rejected.Count > 0)
        {
            foreach (var batch in rejected)
            {
                PublisherLog.Rejected(logger, batch.Sequence, batch.Reason);
            }

            known += outbox.Reject(rejected.Select(r => r.Sequence).ToList());
        }

        var unknown = stored.Count + rejected.Count - known;
        counters.AddAckApplied(known, unknown);
        if (unknown > 0)
        {
            PublisherLog.AckUnknownBatches(logger, unknown, stored.Count + rejected.Count);
        }

        return Task.CompletedTask;
    }
}
