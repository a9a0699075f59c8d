using System.Text.Json.Serialization;

namespace ClassroomFleet.Agent.Cabinet;

[JsonSourceGenerationOptions(WriteIndented = true, RespectNullableAnnotations = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RelayHistory))]
internal sealed partial class CabinetJsonContext : JsonSerializerContext;
