using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>Puts a document's agent settings into force in the running agent (null: back to the agent's own configuration).</summary>
public interface IAgentSettingsTarget
{
    Task ApplyAsync(ConfigAgentSettings? settings, CancellationToken cancellationToken);
}
