using ClassroomFleet.Contracts;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Fleet.Registry;
using ClassroomFleet.Influx.LineProtocol;
using ClassroomFleet.Influx.Writing;

namespace ClassroomFleet.Fleet.Ingest;

/// <summary>
/// Writes each agent status the fleet receives as an <c>agent_status</c> point, stamped with the time the fleet received
/// it: the agents dashboard shows versions and applied configuration from it, and the "school silent" alert fires on
/// the last will (<c>online</c> = 0), which the broker publishes when an agent vanishes without a goodbye.
/// </summary>
public sealed class AgentStatusRecorder(InfluxBatchWriter writer) : IAgentStatusObserver
{
    public async ValueTask OnStatusAsync(string county, string school, AgentStatus status, DateTimeOffset received, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        using var buffer = new LineProtocolBuffer(512);
        Append(buffer, county, school, status, received);
        await writer.EnqueueAsync(buffer, token: null, cancellationToken).ConfigureAwait(false);
    }

    public static void Append(LineProtocolBuffer buffer, string county, string school, AgentStatus status, DateTimeOffset received)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(status);
        var point = buffer.Point(Measurements.AgentStatus)
            .Tag(TagKeys.County, county)
            .Tag(TagKeys.Device, status.Agent)
            .Tag(TagKeys.School, school)
            .Field("online", status.Online ? 1L : 0L);
        if (status.Version is { Length: > 0 } version)
        {
            point = point.Field("version", version);
        }

        if (status.ConfigVersion is { } configVersion)
        {
            point = point.Field("config_version", configVersion);
        }

        if (status.OutboxDepth is { } depth)
        {
            point = point.Field("outbox_depth", depth);
        }

        if (status.OutboxOldestAgeSeconds is { } age)
        {
            point = point.Field("outbox_oldest_age_s", age);
        }

        point.Timestamp(received.ToUnixTimeMilliseconds() * 1_000_000);
    }
}
