using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Fleet.Registry;

/// <summary>Told of every valid agent status the registry feed accepted, after the registry stored it.</summary>
public interface IAgentStatusObserver
{
    ValueTask OnStatusAsync(string county, string school, AgentStatus status, DateTimeOffset received, CancellationToken cancellationToken);
}
