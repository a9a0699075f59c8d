using System.Text.Json.Serialization;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Contracts.Serialization;

/// <summary>Source-generated JSON metadata for every contract message (no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    AllowTrailingCommas = false,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow,
    MaxDepth = 16)]
[JsonSerializable(typeof(TelemetryBatch))]
[JsonSerializable(typeof(AckMessage))]
[JsonSerializable(typeof(AgentStatus))]
[JsonSerializable(typeof(InventoryMessage))]
[JsonSerializable(typeof(TelemetryPoint))]
[JsonSerializable(typeof(ConfigDocument))]
[JsonSerializable(typeof(ConfigEnvelope))]
[JsonSerializable(typeof(ConfigReported))]
[JsonSerializable(typeof(ConfigAgentSettings))]
[JsonSerializable(typeof(CommandMessage))]
[JsonSerializable(typeof(CommandResult))]
public sealed partial class ContractJsonContext : JsonSerializerContext;
