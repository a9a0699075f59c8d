using ClassroomFleet.Contracts.Influx;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Fleet.Configuration;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Influx.LineProtocol;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Ingest;

/// <summary>
/// Subscribes to every school's telemetry through a shared subscription, validates each batch, writes its points to
/// InfluxDB and only then acknowledges the batch to the agent on <c>.../ack</c>. A malformed or spoofed message is
/// rejected, counted and logged, never written; an invalid point is quarantined alone and the rest of its batch lands.
/// </summary>
public sealed partial class TelemetryIngestService(
    IMqttTransport transport,
    InfluxClient influx,
    IngestMetrics metrics,
    IOptions<FleetOptions> options,
    TimeProvider time,
    ILogger<TelemetryIngestService> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await influx.CreateDatabaseAsync(influx.Options.Database, stoppingToken).ConfigureAwait(false);
        var filter = Topics.Shared(options.Value.SharedGroup, Topics.AllTelemetry);
        await transport.SubscribeAsync(filter, MessageQos.AtLeastOnce, HandleAsync, stoppingToken).ConfigureAwait(false);
        LogSubscribed(logger, filter);
    }

    public async Task HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        if (!Topics.TryParse(message.Topic, out var topic) || topic.Kind != TopicKind.Telemetry)
        {
            Reject(message.Topic, DecodeFailure.Invalid, "not a contract-v1 telemetry topic");
            return;
        }

        TelemetryBatch batch;
        try
        {
            batch = ContractSerializer.Deserialize(message.Payload.Span, ContractJsonContext.Default.TelemetryBatch, b => b.Schema);
        }
        catch (ContractDecodeException ex)
        {
            Reject(message.Topic, ex.Failure, ex.Message);
            return;
        }

        if (TelemetryValidator.Validate(topic, batch) is { } failure)
        {
            Reject(message.Topic, failure.Failure, failure.Reason);
            return;
        }

        using var buffer = new LineProtocolBuffer();
        var quarantined = 0;
        foreach (var point in batch.Points)
        {
            if (TelemetryValidator.ValidatePoint(point) is { } reason)
            {
                quarantined++;
                LogPointQuarantined(logger, batch.School, batch.Device, point.Measurement, reason);
                continue;
            }

            TelemetryLineProtocol.Append(buffer, batch, point);
        }

        if (quarantined > 0)
        {
            metrics.Quarantined(quarantined);
        }

        if (buffer.LineCount > 0)
        {
            await WriteWithRetryAsync(buffer.WrittenMemory, batch, cancellationToken).ConfigureAwait(false);
        }

        metrics.Stored(buffer.LineCount);
        await AcknowledgeAsync(batch, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteWithRetryAsync(ReadOnlyMemory<byte> lines, TelemetryBatch batch, CancellationToken cancellationToken)
    {
        var delay = FirstRetryDelay;
        while (true)
        {
            var result = await influx.WriteAsync(lines, cancellationToken).ConfigureAwait(false);
            if (result.IsSuccess)
            {
                return;
            }

            if (!result.IsRetryable)
            {
                // A 4xx for a batch we validated: keep the reason; the batch is acknowledged as rejected, never retried.
                LogWriteRejected(logger, batch.School, batch.Device, batch.Sequence, result.Error ?? "");
                metrics.Quarantined(batch.Points.Count);
                return;
            }

            LogWriteRetry(logger, batch.School, batch.Device, batch.Sequence, result.Error ?? "", delay.TotalSeconds);
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.WriteRetryMaxDelay.Ticks));
        }
    }

    private async Task AcknowledgeAsync(TelemetryBatch batch, CancellationToken cancellationToken)
    {
        var ack = new AckMessage { Agent = batch.Agent, Stored = [batch.Sequence] };
        var payload = ContractSerializer.Serialize(ack, ContractJsonContext.Default.AckMessage);
        var result = await transport.PublishAsync(new OutgoingMessage(Topics.Ack(batch.County, batch.School), payload), cancellationToken).ConfigureAwait(false);
        if (!result.Accepted)
        {
            LogAckFailed(logger, batch.School, batch.Sequence, result.Failure.ToString());
        }
    }

    private void Reject(string topic, DecodeFailure failure, string reason)
    {
        metrics.Rejected(failure);
        LogRejected(logger, topic, failure, reason);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Ingest subscribed to {Filter}")]
    private static partial void LogSubscribed(ILogger logger, string filter);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Rejected message on {Topic} ({Failure}): {Reason}")]
    private static partial void LogRejected(ILogger logger, string topic, DecodeFailure failure, string reason);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "Quarantined a {Measurement} point of {School}/{Device}: {Reason}")]
    private static partial void LogPointQuarantined(ILogger logger, string school, string device, string measurement, string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "InfluxDB rejected batch {Sequence} of {School}/{Device}: {Error}")]
    private static partial void LogWriteRejected(ILogger logger, string school, string device, long sequence, string error);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "InfluxDB write of batch {Sequence} of {School}/{Device} failed ({Error}); retrying in {DelaySeconds} s")]
    private static partial void LogWriteRetry(ILogger logger, string school, string device, long sequence, string error, double delaySeconds);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Could not acknowledge batch {Sequence} of {School}: {Failure}")]
    private static partial void LogAckFailed(ILogger logger, string school, long sequence, string failure);
}
