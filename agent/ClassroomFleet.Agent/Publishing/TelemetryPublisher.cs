using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Outbox;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Publishing;

/// <summary>
/// Drains the outbox to <c>cf/v1/{county}/{school}/telemetry/{device}</c> with QoS 1, in sequence order (so per device
/// in poll order), keeping up to <see cref="OutboxOptions.MaxInFlight"/> batches awaiting the fleet at once. A batch
/// leaves the outbox only on the fleet's acknowledgement (<see cref="AckHandler"/>); one unacknowledged after
/// <see cref="OutboxOptions.AckTimeout"/> is published again. After an outage the same loop replays the backlog as
/// fast as the broker acknowledges.
/// </summary>
public sealed class TelemetryPublisher(
    IMqttTransport transport,
    IOutbox outbox,
    AckHandler acks,
    SchoolFileProvider schoolFile,
    IOptions<AgentOptions> agentOptions,
    IOptions<OutboxOptions> outboxOptions,
    TimeProvider time,
    ILogger<TelemetryPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan SchoolFileRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var school = await WaitForSchoolFileAsync(stoppingToken).ConfigureAwait(false);
        await acks.SubscribeAsync(school.County, school.School, stoppingToken).ConfigureAwait(false);
        var agent = agentOptions.Value.AgentId;
        var window = outboxOptions.Value.MaxInFlight;
        var publishing = new List<Task>(window);
        while (!stoppingToken.IsCancellationRequested)
        {
            var records = await outbox.TakeReadyAsync(window, stoppingToken).ConfigureAwait(false);
            if (records.Count == 0)
            {
                await outbox.WaitReadyAsync(IdleWait, stoppingToken).ConfigureAwait(false);
                continue;
            }

            // The school file may have been reloaded; county and school come from the one in force now.
            school = schoolFile.Current ?? school;
            publishing.Clear();
            foreach (var record in records)
            {
                publishing.Add(PublishAsync(record, school, agent, stoppingToken));
            }

            await Task.WhenAll(publishing).ConfigureAwait(false);
        }
    }

    private async Task PublishAsync(OutboxRecord record, SchoolFile school, string agent, CancellationToken stoppingToken)
    {
        var payload = TelemetryBatchWriter.Write(record, school.County, school.School, agent);
        var message = new OutgoingMessage(Topics.Telemetry(school.County, school.School, record.Device), payload);
        var result = await transport.PublishAsync(message, stoppingToken).ConfigureAwait(false);
        if (result.Accepted)
        {
            PublisherLog.Published(logger, record.Device, record.Sequence, payload.Length);
            return;
        }

        // Left in flight: the ack timeout brings it back, which also paces retries of a lasting refusal.
        PublisherLog.NotAccepted(logger, record.Device, record.Sequence, result.Failure.ToString(), result.ReasonText, outboxOptions.Value.AckTimeout.TotalSeconds);
    }

    private async Task<SchoolFile> WaitForSchoolFileAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            if ((schoolFile.Current ?? await schoolFile.ReloadAsync(stoppingToken).ConfigureAwait(false)) is { } school)
            {
                return school;
            }

            await Task.Delay(SchoolFileRetry, time, stoppingToken).ConfigureAwait(false);
        }
    }
}
