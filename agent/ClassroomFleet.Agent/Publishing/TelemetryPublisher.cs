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
/// fast as the broker acknowledges. A batch published again is logged and counted (<see cref="Republished"/>): under
/// MQTT 3.1.1, where a broker's ACL drops a publish behind an ordinary PUBACK, that is how the drop is detected.
/// </summary>
public sealed class TelemetryPublisher(
    IMqttTransport transport,
    IOutbox outbox,
    AckHandler acks,
    SchoolFileProvider schoolFile,
    IOptions<AgentOptions> agentOptions,
    IOptions<OutboxOptions> outboxOptions,
    PublishCounters counters,
    TimeProvider time,
    ILogger<TelemetryPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan SchoolFileRetry = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(1);
    private readonly RepublishTracker _tracker = new(time, outboxOptions.Value.AckTimeout * 4, counters);

    /// <summary>Batches published again because the fleet did not acknowledge them within <c>Outbox:AckTimeout</c>.</summary>
    public long Republished => counters.Republished;

    /// <summary>Of <see cref="Republished"/>, those the broker acknowledged without a reason code (MQTT 3.1.1).</summary>
    public long RepublishedUnverified => counters.RepublishedUnverified;

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
            _tracker.ForgetOld();
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
        ReportIfRepublished(record);
        var result = await transport.PublishAsync(message, stoppingToken).ConfigureAwait(false);
        if (result.Accepted)
        {
            counters.AddPublished();
            _tracker.Published(record.Sequence, result.Unverified);
            PublisherLog.Published(logger, record.Device, record.Sequence, payload.Length);
            return;
        }

        counters.AddNotAccepted();

        // Left in flight: the ack timeout brings it back, which also paces retries of a lasting refusal.
        PublisherLog.NotAccepted(logger, record.Device, record.Sequence, result.Failure.ToString(), result.ReasonText, outboxOptions.Value.AckTimeout.TotalSeconds);
    }

    private void ReportIfRepublished(OutboxRecord record)
    {
        var seconds = outboxOptions.Value.AckTimeout.TotalSeconds;
        switch (_tracker.SeenBefore(record.Sequence))
        {
            case true:
                PublisherLog.RepublishedUnverified(logger, record.Device, record.Sequence, seconds);
                break;
            case false:
                PublisherLog.Republished(logger, record.Device, record.Sequence, seconds);
                break;
        }
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
