using System.Threading.Channels;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Fleet.Configuration;
using ClassroomFleet.Fleet.Registry;
using ClassroomFleet.Influx.Writing;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Ingest;

/// <summary>
/// Told by the InfluxDB batch writer when every line of a telemetry batch is stored (or quarantined for good), and only
/// then acknowledges the batch to its agent on <c>cf/v1/{county}/{school}/ack</c>. Acknowledgements that are due
/// together are coalesced into one message per agent, and sent without holding up the writer. A batch whose every line
/// was refused is acknowledged as rejected with the reason, so the agent drops it instead of resending it forever.
/// </summary>
public sealed partial class AckPublisher(
    IMqttTransport transport,
    IRegistryWriter registry,
    IngestMetrics metrics,
    IOptions<FleetOptions> options,
    TimeProvider time,
    ILogger<AckPublisher> logger)
    : BackgroundService, IDeliveryListener
{
    private const string AllRefused = "every point was refused by InfluxDB; see the fleet's quarantine";

    // Bounded far above what one flush delivers; if acks ever back up, the writer waits rather than memory growing.
    private readonly Channel<(IngestedBatch Batch, bool Rejected)> _due = Channel.CreateBounded<(IngestedBatch, bool)>(
        new BoundedChannelOptions(100_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public ValueTask OnDeliveredAsync(DeliveryReport report, CancellationToken cancellationToken)
    {
        if (report.Token is not IngestedBatch batch)
        {
            return ValueTask.CompletedTask;
        }

        metrics.Stored(report.Stored);
        return DueAsync(report, batch, cancellationToken);
    }

    private async ValueTask DueAsync(DeliveryReport report, IngestedBatch batch, CancellationToken cancellationToken)
    {
        await registry.RecordTelemetrySeenAsync(batch.County, batch.School, batch.Device, batch.Kind, batch.Agent, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        await _due.Writer.WriteAsync((batch, report.Stored == 0 && report.Quarantined > 0), cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var groups = new Dictionary<(string County, string School, string Agent), (List<long> Stored, List<RejectedBatch> Rejected)>();
        while (await _due.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
        {
            groups.Clear();
            while (_due.Reader.TryRead(out var item))
            {
                var key = (item.Batch.County, item.Batch.School, item.Batch.Agent);
                if (!groups.TryGetValue(key, out var group))
                {
                    group = ([], []);
                    groups[key] = group;
                }

                if (item.Rejected)
                {
                    group.Rejected.Add(new RejectedBatch(item.Batch.Sequence, AllRefused));
                }
                else
                {
                    group.Stored.Add(item.Batch.Sequence);
                }
            }

            await Task.WhenAll(groups.Select(g => SendAsync(g.Key.County, g.Key.School, g.Key.Agent, g.Value.Stored, g.Value.Rejected, stoppingToken))).ConfigureAwait(false);
        }
    }

    private async Task SendAsync(string county, string school, string agent, List<long> stored, List<RejectedBatch> rejected, CancellationToken cancellationToken)
    {
        var ack = new AckMessage { Agent = agent, Fleet = options.Value.Id, Stored = stored, Rejected = rejected };
        var payload = ContractSerializer.Serialize(ack, ContractJsonContext.Default.AckMessage);
        var result = await transport.PublishAsync(new OutgoingMessage(Topics.Ack(county, school), payload), cancellationToken).ConfigureAwait(false);
        if (!result.Accepted)
        {
            // The agent resends what stays unacknowledged; the points overwrite themselves in InfluxDB.
            LogAckFailed(logger, school, stored.Count + rejected.Count, result.Failure.ToString());
        }
    }

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Could not acknowledge {Batches} batches of {School}: {Failure}")]
    private static partial void LogAckFailed(ILogger logger, string school, int batches, string failure);
}
