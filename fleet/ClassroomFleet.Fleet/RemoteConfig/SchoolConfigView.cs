using System.Text.Json.Serialization;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>Desired and reported configuration of one school, side by side.</summary>
public sealed record SchoolConfigView(
    [property: JsonPropertyName("desired")] DesiredConfig? Desired,
    [property: JsonPropertyName("reported")] ConfigReported? Reported,
    [property: JsonPropertyName("tags")] IReadOnlyList<string> Tags);
