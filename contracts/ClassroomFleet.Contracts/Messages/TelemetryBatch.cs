using System.Text.Json.Serialization;

namespace ClassroomFleet.Contracts.Messages;

/// <summary>
/// The payload of <c>cf/v1/{county}/{school}/telemetry/{device}</c>: the points of one poll of one device.
/// <see cref="Sequence"/> numbers the agent's batches; the fleet acknowledges it on <c>.../ack</c> once the points are
/// stored in InfluxDB.
/// </summary>
public sealed record TelemetryBatch
{
    [JsonPropertyName("schema")]
    public int Schema { get; init; } = SchemaVersions.Current;

    [JsonPropertyName("county")]
    public required string County { get; init; }

    [JsonPropertyName("school")]
    public required string School { get; init; }

    [JsonPropertyName("device")]
    public required string Device { get; init; }

    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    [JsonPropertyName("agent")]
    public required string Agent { get; init; }

    [JsonPropertyName("seq")]
    public required long Sequence { get; init; }

    [JsonPropertyName("points")]
    public required IReadOnlyList<TelemetryPoint> Points { get; init; }
}
