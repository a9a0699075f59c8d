using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Commands;

/// <summary>Carries out the commands of one type. Returns the final state; throwing counts as <c>failed</c>.</summary>
public interface ICommandHandler
{
    string Type { get; }

    Task<CommandOutcome> HandleAsync(CommandMessage command, CancellationToken cancellationToken = default);
}
