using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Messaging;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>
/// Moves the agent's MQTT connection to the broker a document names, or back to the configured one
/// (<see cref="AppliedAgentSettings.ConfiguredEndpoint"/>) when the settings are undone; no restart.
/// </summary>
public sealed class MqttEndpointSwitch(MqttTransport transport, AppliedAgentSettings applied) : IAgentSettingsTarget
{
    public async Task ApplyAsync(ConfigAgentSettings? settings, CancellationToken cancellationToken)
    {
        var (host, port) = applied.ConfiguredEndpoint ?? transport.Endpoint;
        await transport.RetargetAsync(settings?.MqttHost ?? host, settings?.MqttPort ?? port, cancellationToken).ConfigureAwait(false);
    }
}
