using ClassroomFleet.Contracts.Identifiers;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;

namespace ClassroomFleet.Fleet.Registry;

/// <summary>
/// Checks an agent status before it may touch the registry. The status names only its agent; its county and school are
/// those of the topic, which the broker's ACL ties to the agent's credentials.
/// </summary>
public static class StatusValidator
{
    public const int MaxVersionLength = 64;

    public static RegistryReject? Validate(SchoolTopic topic, AgentStatus status)
    {
        if (topic.Kind != TopicKind.Status)
        {
            return Invalid("not a status topic");
        }

        if (status.Agent is null || !ContractIdentifiers.IsDeviceId(status.Agent))
        {
            return Invalid("agent id is missing or not [a-z0-9._-]{1,64}");
        }

        if (status.Version is { Length: > MaxVersionLength } || (status.Version is not null && string.IsNullOrWhiteSpace(status.Version)))
        {
            return Invalid($"version is blank or longer than {MaxVersionLength}");
        }

        if (status.OutboxDepth < 0 || status.OutboxBytes < 0 || status.ConfigVersion < 0)
        {
            return Invalid("outbox_depth, outbox_bytes and config_version cannot be negative");
        }

        if (status.OutboxOldestAgeSeconds is { } age && (!double.IsFinite(age) || age < 0))
        {
            return Invalid("outbox_oldest_age_s must be a finite number ≥ 0");
        }

        return null;
    }

    private static RegistryReject Invalid(string reason) => new(DecodeFailure.Invalid, reason);
}
