using System.Text.Json.Serialization;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Publishing;

/// <summary>The points of a batch as the outbox stores them: the JSON array that later becomes the batch's <c>points</c>, unchanged.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(IReadOnlyList<TelemetryPoint>))]
internal sealed partial class PointsJsonContext : JsonSerializerContext;
