using System.Text.Json.Serialization;

namespace ClassroomFleet.Fleet.Commands;

[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(CommandView))]
[JsonSerializable(typeof(CommandRequest))]
internal sealed partial class CommandJsonContext : JsonSerializerContext;
