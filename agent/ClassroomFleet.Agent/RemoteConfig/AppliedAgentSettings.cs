using ClassroomFleet.Messaging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>
/// At start, lays the agent settings of the document in force (<c>remote-config/agent-settings.json</c>) over the MQTT
/// options from configuration, so that an applied broker address survives a restart; remembers the configured endpoint,
/// which a rollback to "no settings" returns to.
/// </summary>
public sealed class AppliedAgentSettings(RemoteConfigStore store) : IPostConfigureOptions<MqttTransportOptions>
{
    public (string Host, int Port)? ConfiguredEndpoint { get; private set; }

    public void PostConfigure(string? name, MqttTransportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConfiguredEndpoint ??= (options.Host, options.Port);
        var settings = store.LoadSettings();
        options.Host = settings?.MqttHost ?? options.Host;
        options.Port = settings?.MqttPort ?? options.Port;
    }
}
