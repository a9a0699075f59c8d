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
/// outbox) or rejected for good (they leave, counted as rejected). Acknowledgements for another agent of the same
/// school are ignored; a malformed one is counted and logged, never fatal.
/// </summary>
public sealed class AckHandler(IMqttTransport transport, IOutbox outbox, IOptions<AgentOptions> options, ILogger<AckHandler> logger)
{
    private long _malformed;

    public long Malformed => Interlocked.Read(ref _malformed);

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
            Interlocked.Increment(ref _malformed);
            PublisherLog.AckMalformed(logger, message.Topic, ex.Message);
            return Task.CompletedTask;
        }

        if (ack.Agent != options.Value.AgentId)
        {
            return Task.CompletedTask;
        }

        outbox.Acknowledge(ack.Stored);
        if (ack.Rejected.Count > 0)
        {
            foreach (var rejected in ack.Rejected)
            {
                PublisherLog.Rejected(logger, rejected.Sequence, rejected.Reason);
            }

            outbox.Reject(ack.Rejected.Select(r => r.Sequence).ToList());
        }

        return Task.CompletedTask;
    }
}
