using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Outbox;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.Publishing;
using ClassroomFleet.Contracts;
using ClassroomFleet.Contracts.Messages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Status;

/// <summary>
/// Sends the agent's own health as the <c>agent</c> measurement every <see cref="AgentOptions.SelfTelemetryInterval"/>,
/// through the outbox like any poll (device = the agent id, kind <c>agent</c>): outbox_depth, outbox_bytes,
/// outbox_oldest_age_s, appended, acknowledged, and one dropped_{reason} counter per drop reason (since start).
/// </summary>
public sealed class AgentSelfTelemetry(IOutbox outbox, ITelemetrySink sink, IOptions<AgentOptions> options, TimeProvider time) : BackgroundService
{
    public const string Kind = "agent";

    public static TelemetryPoint CreatePoint(OutboxStats stats, long timestampNs)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var integers = new Dictionary<string, long>
        {
            ["outbox_depth"] = stats.Depth,
            ["outbox_bytes"] = stats.Bytes,
            ["appended"] = stats.Appended,
            ["acknowledged"] = stats.Acknowledged,
            ["quarantined_segments"] = stats.QuarantinedSegments,
        };
        foreach (var (reason, count) in stats.Dropped)
        {
            integers["dropped_" + DropReasonNames.Of(reason)] = count;
        }

        return new TelemetryPoint
        {
            Measurement = Measurements.Agent,
            TimestampNs = timestampNs,
            Floats = new Dictionary<string, double> { ["outbox_oldest_age_s"] = Math.Round(stats.OldestAgeSeconds, 3) },
            Integers = integers,
            Booleans = new Dictionary<string, bool> { ["outbox_writable"] = stats.Writable },
        };
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var agent = options.Value.AgentId;
        using var timer = new PeriodicTimer(options.Value.SelfTelemetryInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var point = CreatePoint(outbox.GetStats(), UnixNanos.From(time.GetUtcNow()));
            await sink.EnqueueAsync(new PollOutcome(agent, Kind, [point], TimeSpan.Zero, null), stoppingToken).ConfigureAwait(false);
        }
    }
}
