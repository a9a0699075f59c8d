using System.Globalization;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>Checks a document's agent settings before anything is applied; a problem refuses the document as invalid.</summary>
public static class AgentSettingsCheck
{
    public static string? Problem(ConfigAgentSettings? settings)
    {
        if (settings is null)
        {
            return null;
        }

        if (settings.MqttHost is { } host && (host.Length is 0 or > 253 || host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '@')))
        {
            return $"agent.mqtt_host '{host}' is not a host name or address";
        }

        if (settings.MqttPort is { } port && port is < 1 or > 65535)
        {
            return string.Create(CultureInfo.InvariantCulture, $"agent.mqtt_port {port} is not between 1 and 65535");
        }

        return null;
    }
}
