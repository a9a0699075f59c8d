using System.Text.Json.Serialization;

namespace ClassroomFleet.Contracts.Messages;

/// <summary>
/// The payload of <c>cf/v1/{county}/{school}/ack</c>: the fleet tells the agent which of its batches are durably stored
/// in InfluxDB (and which were rejected for good, with the reason), so that the agent may drop them from its outbox.
/// </summary>
public sealed record AckMessage
{
    [JsonPropertyName("schema")]
    public int Schema { get; init; } = SchemaVersions.Current;

    [JsonPropertyName("agent")]
    public required string Agent { get; init; }

    /// <summary>
    /// The identity of the fleet that stored the batches (<c>Fleet:Id</c>). The agent acts only on acknowledgements from
    /// the fleet it is configured for (<c>Agent:FleetId</c>): another client on the broker cannot empty its outbox by
    /// claiming storage that never happened, and a second fleet on the same broker is told apart.
    /// </summary>
    [JsonPropertyName("fleet")]
    public string? Fleet { get; init; }

    [JsonPropertyName("stored")]
    public IReadOnlyList<long> Stored { get; init; } = [];

    [JsonPropertyName("rejected")]
    public IReadOnlyList<RejectedBatch> Rejected { get; init; } = [];
}

/// <summary>A batch the fleet will never store, with the reason; the agent drops it and counts it.</summary>
public sealed record RejectedBatch(
    [property: JsonPropertyName("seq")] long Sequence,
    [property: JsonPropertyName("reason")] string Reason);
