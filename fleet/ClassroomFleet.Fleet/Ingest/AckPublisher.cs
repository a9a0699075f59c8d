using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Influx.Writing;
using ClassroomFleet.Messaging;

namespace ClassroomFleet.Fleet.Ingest;

/// <summary>
/// Told by the InfluxDB batch writer when every line of a telemetry batch is stored (or quarantined for good), and only
/// then acknowledges the batch to its agent on <c>cf/v1/{county}/{school}/ack</c>. A batch whose every line was refused
/// is acknowledged as rejected with the reason, so the agent drops it instead of resending it forever.
/// </summary>
public sealed partial class AckPublisher(IMqttTransport transport, IngestMetrics metrics, ILogger<AckPublisher> logger) : IDeliveryListener
{
    public async ValueTask OnDeliveredAsync(DeliveryReport report, CancellationToken cancellationToken)
    {
        if (report.Token is not IngestedBatch batch)
        {
            return;
        }

        metrics.Stored(report.Stored);
        var ack = report.Stored == 0 && report.Quarantined > 0
            ? new AckMessage { Agent = batch.Agent, Rejected = [new RejectedBatch(batch.Sequence, "every point was refused by InfluxDB; see the fleet's quarantine")] }
            : new AckMessage { Agent = batch.Agent, Stored = [batch.Sequence] };
        var payload = ContractSerializer.Serialize(ack, ContractJsonContext.Default.AckMessage);
        var result = await transport.PublishAsync(new OutgoingMessage(Topics.Ack(batch.County, batch.School), payload), cancellationToken).ConfigureAwait(false);
        if (!result.Accepted)
        {
            // The agent resends an unacknowledged batch; the points overwrite themselves in InfluxDB.
            LogAckFailed(logger, batch.School, batch.Sequence, result.Failure.ToString());
        }
    }

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Could not acknowledge batch {Sequence} of {School}: {Failure}")]
    private static partial void LogAckFailed(ILogger logger, string school, long sequence, string failure);
}
