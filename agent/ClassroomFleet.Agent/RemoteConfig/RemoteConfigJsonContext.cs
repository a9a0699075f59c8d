using System.Text.Json.Serialization;

namespace ClassroomFleet.Agent.RemoteConfig;

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RemoteConfigState))]
[JsonSerializable(typeof(ApplyJournal))]
internal sealed partial class RemoteConfigJsonContext : JsonSerializerContext;
