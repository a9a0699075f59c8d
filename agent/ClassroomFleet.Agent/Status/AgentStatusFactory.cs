using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Outbox;
using ClassroomFleet.Contracts.Messages;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Status;

/// <summary>Builds the status message: identity and versions, outbox depth and age, drops by reason, last poll per kind.</summary>
public sealed class AgentStatusFactory(IOutbox outbox, PollActivity activity, IConfigVersionSource configVersion, IOptions<AgentOptions> options, TimeProvider time)
{
    public AgentStatus Online()
    {
        var stats = outbox.GetStats();
        return new AgentStatus
        {
            Agent = options.Value.AgentId,
            Online = true,
            Version = AgentVersion.Current,
            ConfigVersion = configVersion.Current,
            Time = time.GetUtcNow(),
            OutboxDepth = stats.Depth,
            OutboxBytes = stats.Bytes,
            OutboxOldestAgeSeconds = Math.Round(stats.OldestAgeSeconds, 3),
            OutboxDropped = stats.Dropped.ToDictionary(d => DropReasonNames.Of(d.Key), d => d.Value, StringComparer.Ordinal),
            LastPoll = activity.LastSuccess(),
        };
    }

    /// <summary>The goodbye on a clean stop: only identity and versions, the rest would be stale.</summary>
    public AgentStatus Goodbye() => Offline(options.Value.AgentId, configVersion.Current, time.GetUtcNow());

    /// <summary>The last will and the goodbye on a clean stop: only identity and versions, the rest would be stale.</summary>
    public static AgentStatus Offline(string agent, long? configVersion, DateTimeOffset time) => new()
    {
        Agent = agent,
        Online = false,
        Version = AgentVersion.Current,
        ConfigVersion = configVersion,
        Time = time,
    };
}
