using System.Text.Json.Serialization;
using ClassroomFleet.Contracts.Serialization;

namespace ClassroomFleet.Contracts.Messages;

/// <summary>
/// One measurement at one instant, stamped by the agent at poll time in nanoseconds since the Unix epoch, so that a
/// retried write overwrites the same InfluxDB point and never duplicates it. Fields are grouped by type because an
/// InfluxDB field keeps one type forever: a float never turns into an integer on the wire.
/// The tags <c>county</c>, <c>school</c> and <c>device</c> are not repeated here: they come from the batch.
/// </summary>
[JsonConverter(typeof(TelemetryPointJsonConverter))]
public sealed record TelemetryPoint
{
    [JsonPropertyName("measurement")]
    public required string Measurement { get; init; }

    [JsonPropertyName("time_ns")]
    public required long TimestampNs { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyDictionary<string, string> Tags { get; init; } = NoTags;

    [JsonPropertyName("float")]
    public IReadOnlyDictionary<string, double>? Floats { get; init; }

    [JsonPropertyName("int")]
    public IReadOnlyDictionary<string, long>? Integers { get; init; }

    [JsonPropertyName("str")]
    public IReadOnlyDictionary<string, string>? Strings { get; init; }

    [JsonPropertyName("bool")]
    public IReadOnlyDictionary<string, bool>? Booleans { get; init; }

    [JsonIgnore]
    public int FieldCount => (Floats?.Count ?? 0) + (Integers?.Count ?? 0) + (Strings?.Count ?? 0) + (Booleans?.Count ?? 0);

    internal static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>();
}
