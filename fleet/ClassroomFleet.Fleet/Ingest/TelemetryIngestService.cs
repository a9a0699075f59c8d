using System.Text.Json;
using System.Threading.Channels;
using ClassroomFleet.Contracts.Influx;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Fleet.Configuration;
using ClassroomFleet.Fleet.Registry;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Influx.LineProtocol;
using ClassroomFleet.Influx.Writing;
using ClassroomFleet.Messaging;
using ClassroomFleet.Messaging.Broker;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Ingest;

/// <summary>
/// Subscribes to every school's telemetry through a shared subscription (several fleet instances split one stream),
/// validates each batch and hands its points to the InfluxDB batch writer; <see cref="AckPublisher"/> acknowledges the
/// batch to its agent once the writer reports it stored. A malformed, oversized or spoofed message (topic school, payload
/// school and sender must agree, and the topic's county must be the one the registry holds for the school) is rejected,
/// counted and logged, never written; an invalid point is quarantined alone and the rest of its batch lands.
/// </summary>
public sealed partial class TelemetryIngestService(
    IMqttTransport transport,
    InfluxClient influx,
    InfluxBatchWriter writer,
    QuarantineLog quarantine,
    IngestMetrics metrics,
    IngestReadiness readiness,
    RegisteredCounties counties,
    IOptions<FleetOptions> options,
    IOptions<EmbeddedBrokerOptions> embeddedBroker,
    ILogger<TelemetryIngestService> logger) : BackgroundService
{
    private static readonly TimeSpan DatabaseRetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await EnsureDatabaseAsync(stoppingToken).ConfigureAwait(false);
        await counties.LoadAsync(stoppingToken).ConfigureAwait(false);
        // MQTTnet's in-process broker refuses shared subscriptions (reason 158); with it there is one fleet instance anyway.
        var filter = embeddedBroker.Value.Enabled ? Topics.AllTelemetry : Topics.Shared(options.Value.SharedGroup, Topics.AllTelemetry);
        // While disconnected SubscribeAsync only remembers the filter; ready must mean the broker has granted it, since a
        // shared subscription's messages published before that are dropped, not queued.
        await transport.WaitConnectedAsync(stoppingToken).ConfigureAwait(false);
        await transport.SubscribeAsync(filter, MessageQos.AtLeastOnce, HandleAsync, stoppingToken).ConfigureAwait(false);
        readiness.MarkSubscribed();
        LogSubscribed(logger, filter);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);

        // What is queued still reaches InfluxDB (and its agents their acknowledgements) before the fleet stops.
        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task HandleAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        if (!Topics.TryParse(message.Topic, out var topic) || topic.Kind != TopicKind.Telemetry)
        {
            Reject(message.Topic, DecodeFailure.Invalid, "not a contract-v1 telemetry topic");
            return;
        }

        if ((TelemetryValidator.ValidateSender(topic, message.SenderId) ?? TelemetryValidator.ValidateCounty(topic, counties.CountyOf(topic.School))) is { } spoofed)
        {
            Reject(message.Topic, spoofed.Failure, spoofed.Reason);
            return;
        }

        using var buffer = new LineProtocolBuffer(message.Payload.Length + 1024);
        if (TelemetryTranscoder.TryTranscode(message.Payload.Span, buffer) is { } fast
            && await TryIngestTranscodedAsync(message, topic, fast, buffer, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        buffer.Clear();
        await IngestDecodedAsync(message, topic, buffer, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The fast path's batch: its header checked, the points it left aside decoded and judged one by one. False when one
    /// of those is not even a point (wrong JSON types): the object path then rejects the whole batch, as it always has.
    /// </summary>
    private async Task<bool> TryIngestTranscodedAsync(
        IncomingMessage message, SchoolTopic topic, TelemetryTranscoder.Result fast, LineProtocolBuffer buffer, CancellationToken cancellationToken)
    {
        var slowPoints = new List<TelemetryPoint?>(fast.SlowPoints.Count);
        foreach (var range in fast.SlowPoints)
        {
            try
            {
                slowPoints.Add(JsonSerializer.Deserialize(message.Payload.Span[range], ContractJsonContext.Default.TelemetryPoint));
            }
            catch (JsonException)
            {
                return false;
            }
        }

        var batch = fast.Header;
        if (TelemetryValidator.Validate(topic, batch, fast.PointCount) is { } failure)
        {
            Reject(message.Topic, failure.Failure, failure.Reason);
            return true;
        }

        counties.Seen(topic.School, topic.County);
        var token = new IngestedBatch(batch.County, batch.School, batch.Device, batch.Kind, batch.Agent, batch.Sequence, fast.PointCount);
        await AppendOrQuarantineAsync(batch, slowPoints, token, buffer, cancellationToken).ConfigureAwait(false);
        await EnqueueAsync(buffer, token, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task IngestDecodedAsync(IncomingMessage message, SchoolTopic topic, LineProtocolBuffer buffer, CancellationToken cancellationToken)
    {
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

        counties.Seen(topic.School, topic.County);
        var token = new IngestedBatch(batch.County, batch.School, batch.Device, batch.Kind, batch.Agent, batch.Sequence, batch.Points.Count);
        await AppendOrQuarantineAsync(batch, batch.Points, token, buffer, cancellationToken).ConfigureAwait(false);

        // An empty submission is reported delivered at once, so even a batch of nothing but bad points is acknowledged.
        await EnqueueAsync(buffer, token, cancellationToken).ConfigureAwait(false);
    }

    private async Task AppendOrQuarantineAsync(
        TelemetryBatch batch, IReadOnlyList<TelemetryPoint?> points, IngestedBatch token, LineProtocolBuffer buffer, CancellationToken cancellationToken)
    {
        foreach (var point in points)
        {
            var reason = TelemetryValidator.ValidatePoint(point) ?? (point is null ? null : TryAppend(buffer, batch, point));
            if (reason is not null)
            {
                LogPointQuarantined(logger, batch.School, batch.Device, point?.Measurement ?? "null", reason);
                var json = JsonSerializer.Serialize(point, ContractJsonContext.Default.TelemetryPoint);
                await quarantine.QuarantinePointAsync(token, json, reason, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task EnqueueAsync(LineProtocolBuffer buffer, IngestedBatch token, CancellationToken cancellationToken)
    {
        try
        {
            await writer.EnqueueAsync(buffer, token, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // The fleet is stopping and its writer takes nothing more. The batch is not acknowledged, so its agent
            // keeps it and sends it again to whichever instance runs next.
            LogNotAcceptedWhileStopping(logger, token.School, token.Device, token.Sequence);
        }
    }

    /// <summary>
    /// Writes the point's line, or returns why line protocol cannot carry it (a newline in a tag, an unpaired surrogate,
    /// a backslash before a delimiter); the buffer drops that line alone and keeps the lines before it.
    /// </summary>
    private static string? TryAppend(LineProtocolBuffer buffer, TelemetryBatch batch, TelemetryPoint point)
    {
        try
        {
            TelemetryLineProtocol.Append(buffer, batch, point);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// Makes sure the database exists before subscribing. A user that is not an InfluxDB admin may not run CREATE DATABASE
    /// (docker-compose's <c>fleet</c> user holds ALL on its database only), so the fleet first asks whether the database is
    /// there and creates it only when it is not. Only a missing answer, 429 or 5xx is retried; a refusal (wrong password,
    /// a missing database the user may not create) stops the start with the server's reason, as a bad option would.
    /// </summary>
    private async Task EnsureDatabaseAsync(CancellationToken stoppingToken)
    {
        var database = influx.Options.Database;
        while (true)
        {
            try
            {
                var existing = await influx.ListDatabasesAsync(stoppingToken).ConfigureAwait(false);
                if (existing.Contains(database, StringComparer.Ordinal))
                {
                    LogDatabaseExists(logger, database);
                    return;
                }

                await influx.CreateDatabaseAsync(database, stoppingToken).ConfigureAwait(false);
                LogDatabaseCreated(logger, database);
                return;
            }
            catch (InfluxQueryException ex) when (ex.IsTransient && !stoppingToken.IsCancellationRequested)
            {
                LogDatabaseUnavailable(logger, database, ex.Message);
                await Task.Delay(DatabaseRetryDelay, stoppingToken).ConfigureAwait(false);
            }
            catch (InfluxQueryException ex) when (!stoppingToken.IsCancellationRequested)
            {
                var user = influx.Options.Username ?? "(none)";
                LogDatabaseRefused(logger, database, user, ex.StatusCode, ex.Message);
                throw new InvalidOperationException(
                    $"InfluxDB database '{database}' is not usable by user '{user}' ({ex.StatusCode}: {ex.Message}). "
                    + "Create it as an admin and grant the user WRITE (READ too for the web views) on it, or check the credentials.",
                    ex);
            }
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

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Stopping: batch {Sequence} of {School}/{Device} is left to be resent")]
    private static partial void LogNotAcceptedWhileStopping(ILogger logger, string school, string device, long sequence);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "InfluxDB database {Database} cannot be checked yet ({Error}); retrying")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string database, string error);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Information, Message = "InfluxDB database {Database} exists; ingest writes to it")]
    private static partial void LogDatabaseExists(ILogger logger, string database);

    [LoggerMessage(EventId = 3013, Level = LogLevel.Information, Message = "Created InfluxDB database {Database}")]
    private static partial void LogDatabaseCreated(ILogger logger, string database);

    [LoggerMessage(EventId = 3014, Level = LogLevel.Critical, Message = "InfluxDB refuses database {Database} to user {User} ({Status}): {Error}; the ingest cannot start")]
    private static partial void LogDatabaseRefused(ILogger logger, string database, string user, int? status, string error);
}
