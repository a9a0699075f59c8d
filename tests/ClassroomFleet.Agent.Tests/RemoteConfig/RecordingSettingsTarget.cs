using ClassroomFleet.Agent.RemoteConfig;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Tests.RemoteConfig;

/// <summary>Records what the applier put into force; the real target (the MQTT switch) is tested against mosquitto.</summary>
internal sealed class RecordingSettingsTarget : IAgentSettingsTarget
{
    public List<ConfigAgentSettings?> Applied { get; } = [];

    public Task ApplyAsync(ConfigAgentSettings? settings, CancellationToken cancellationToken)
    {
        Applied.Add(settings);
        return Task.CompletedTask;
    }
}
