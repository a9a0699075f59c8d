using System.Threading.Channels;
using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Publishing;

/// <summary>
/// Turns poll outcomes into telemetry batches and publishes them with QoS 1 on
/// <c>cf/v1/{county}/{school}/telemetry/{device}</c>. A batch that the broker did not acknowledge is retried until it is;
/// the queue in front is bounded, so a long outage slows polling down instead of growing memory.
/// </summary>
public sealed partial class TelemetryPublisher(
    IMqttTransport transport,
    SchoolFileProvider schoolFile,
    IOptions<AgentOptions> options,
    TimeProvider time,
    ILogger<TelemetryPublisher> logger) : BackgroundService, ITelemetrySink
{
    public const int QueueCapacity = 1024;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private readonly Channel<PollOutcome> _queue = Channel.CreateBounded<PollOutcome>(
        new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    // Sequence numbers grow across restarts: they start from the wall clock in microseconds.
    private long _sequence = time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    public ValueTask EnqueueAsync(PollOutcome outcome, CancellationToken cancellationToken = default) =>
        _queue.Writer.WriteAsync(outcome, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var outcome in _queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            if (schoolFile.Current is not { } school)
            {
                continue;
            }

            var batch = new TelemetryBatch
            {
                County = school.County,
                School = school.School,
                Device = outcome.Device,
                Kind = outcome.Kind,
                Agent = options.Value.AgentId,
                Sequence = Interlocked.Increment(ref _sequence),
                Points = outcome.Points,
            };

            var message = new OutgoingMessage(
                Topics.Telemetry(school.County, school.School, outcome.Device),
                ContractSerializer.Serialize(batch, ContractJsonContext.Default.TelemetryBatch));
            await PublishUntilAcceptedAsync(message, batch, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task PublishUntilAcceptedAsync(OutgoingMessage message, TelemetryBatch batch, CancellationToken stoppingToken)
    {
        while (true)
        {
            var result = await transport.PublishAsync(message, stoppingToken).ConfigureAwait(false);
            if (result.Accepted)
            {
                LogPublished(logger, batch.Device, batch.Sequence, batch.Points.Count);
                return;
            }

            LogPublishFailed(logger, batch.Device, batch.Sequence, result.Failure.ToString(), result.ReasonText);
            await Task.Delay(RetryDelay, time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Debug, Message = "Published batch {Sequence} of {Device}: {Points} points")]
    private static partial void LogPublished(ILogger logger, string device, long sequence, int points);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "Batch {Sequence} of {Device} not accepted by the broker ({Failure}: {Reason}); retrying")]
    private static partial void LogPublishFailed(ILogger logger, string device, long sequence, string failure, string? reason);
}
