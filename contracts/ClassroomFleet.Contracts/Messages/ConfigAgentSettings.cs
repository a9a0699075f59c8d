using System.Text.Json.Serialization;

namespace ClassroomFleet.Contracts.Messages;

/// <summary>
/// Settings of the agent itself that a <see cref="ConfigDocument"/> may carry besides the school file. Each one left
/// null keeps the agent's own value. They are applied and rolled back together with the school file, so a push that
/// points the agent at a broker it cannot reach is undone by the agent's confirm timeout.
/// </summary>
public sealed record ConfigAgentSettings
{
    /// <summary>The MQTT broker host the agent connects to.</summary>
    [JsonPropertyName("mqtt_host")]
    public string? MqttHost { get; init; }

    /// <summary>The MQTT broker port (1–65535).</summary>
    [JsonPropertyName("mqtt_port")]
    public int? MqttPort { get; init; }
}
