using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>What the fleet sends to agents: retained signed desired documents and commands.</summary>
public interface IConfigPublisher
{
    Task<bool> PublishDesiredAsync(string county, string school, ConfigEnvelope envelope, CancellationToken cancellationToken = default);

    Task<bool> PublishCommandAsync(string county, string school, CommandMessage command, CancellationToken cancellationToken = default);
}
