using System.Text.Json.Serialization;

namespace ClassroomFleet.Fleet.Rollouts;

[JsonSerializable(typeof(RolloutRequest))]
[JsonSerializable(typeof(RolloutView))]
[JsonSerializable(typeof(List<RolloutView>))]
internal sealed partial class RolloutJsonContext : JsonSerializerContext;
