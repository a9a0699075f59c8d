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
/// together are coalesced into one message per agent. A batch whose every line was refused is acknowledged as rejected
/// with the reason, so the agent drops it instead of resending it forever.
/// <para>
/// Nothing on the ingest path ever waits on an acknowledgement, and the acknowledgements never wait on the broker. They
/// are published at QoS 0: at QoS 1 each would wait for the broker's PUBACK, which, while the fleet holds the broker to
/// its receive window, sits in the socket behind the telemetry not yet read; the acknowledgements would slow to that
/// backlog's pace, the agents' windows would fill, and the handlers that reopen the fleet's window would wait on the
/// writer that waits on them. A lost acknowledgement (the agent offline for a moment) costs one resend after the agent's
/// ack timeout, and the resent points overwrite themselves in InfluxDB. For the same reason a delivery report never
/// waits for room: if acknowledgements ever back up past <see cref="Capacity"/>, the newest are dropped and counted.
/// </para>
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
    /// <summary>Batches whose acknowledgement may wait to be sent: far above what agents keep in flight together.</summary>
    public const int Capacity = 100_000;

    /// <summary>Batches one acknowledgement names at most: with rejection reasons, well under 256 KiB.</summary>
    public const int MaxBatchesPerMessage = 1_000;

    private const string AllRefused = "every point was refused by InfluxDB; see the fleet's quarantine";

    private readonly Channel<(IngestedBatch Batch, bool Rejected)> _due = Channel.CreateBounded<(IngestedBatch, bool)>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private int _dropLogged;

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
        if (!_due.Writer.TryWrite((batch, report.Stored == 0 && report.Quarantined > 0)))
        {
            // The agent resends it after its ack timeout; the points overwrite themselves in InfluxDB.
            metrics.AckDropped();
            if (Interlocked.Exchange(ref _dropLogged, 1) == 0)
            {
                LogAckDropped(logger, batch.School, batch.Device, batch.Sequence, Capacity);
            }
        }
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
            Volatile.Write(ref _dropLogged, 0);
        }
    }

    private async Task SendAsync(string county, string school, string agent, List<long> stored, List<RejectedBatch> rejected, CancellationToken cancellationToken)
    {
        foreach (var (storedPart, rejectedPart) in AckChunks.Split(stored, rejected, MaxBatchesPerMessage))
        {
            await PublishAsync(county, school, agent, storedPart, rejectedPart, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PublishAsync(string county, string school, string agent, List<long> stored, List<RejectedBatch> rejected, CancellationToken cancellationToken)
    {
        var ack = new AckMessage { Agent = agent, Fleet = options.Value.Id, Stored = stored, Rejected = rejected };
        var payload = ContractSerializer.Serialize(ack, ContractJsonContext.Default.AckMessage);
        var result = await transport.PublishAsync(new OutgoingMessage(Topics.Ack(county, school), payload, MessageQos.AtMostOnce), cancellationToken).ConfigureAwait(false);
        if (!result.Accepted)
        {
            // The agent resends what stays unacknowledged; the points overwrite themselves in InfluxDB.
            LogAckFailed(logger, school, stored.Count + rejected.Count, result.Failure.ToString());
        }
    }

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Could not acknowledge {Batches} batches of {School}: {Failure}")]
    private static partial void LogAckFailed(ILogger logger, string school, int batches, string failure);

    [LoggerMessage(EventId = 3015, Level = LogLevel.Warning, Message = "Dropping acknowledgements, first of batch {Sequence} of {School}/{Device}: {Capacity} are already waiting to be sent; their agents will resend them (counted in cf_ingest_acks_dropped)")]
    private static partial void LogAckDropped(ILogger logger, string school, string device, long sequence, int capacity);
}
