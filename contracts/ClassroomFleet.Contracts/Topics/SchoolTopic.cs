namespace ClassroomFleet.Contracts.Topics;

/// <summary>A parsed contract-v1 topic. <see cref="Leaf"/> is the device id (telemetry) or command id (commands).</summary>
public readonly record struct SchoolTopic(TopicKind Kind, string County, string School, string? Leaf);
