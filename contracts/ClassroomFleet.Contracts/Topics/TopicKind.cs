namespace ClassroomFleet.Contracts.Topics;

/// <summary>The kinds of topic below <c>cf/v1/{county}/{school}/</c>.</summary>
public enum TopicKind
{
    Telemetry,
    Status,
    Inventory,
    ConfigDesired,
    ConfigReported,
    Command,
    CommandResult,
    Ack,
}
