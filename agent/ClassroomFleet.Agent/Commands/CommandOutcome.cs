using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Commands;

/// <summary>The final state of a command with its reason and output.</summary>
public sealed record CommandOutcome(string State, string? Reason = null, IReadOnlyDictionary<string, string>? Output = null)
{
    public static CommandOutcome Succeeded(IReadOnlyDictionary<string, string>? output = null) => new(CommandState.Succeeded, null, output);

    public static CommandOutcome Failed(string reason) => new(CommandState.Failed, reason);

    public static CommandOutcome Unsupported(string reason) => new(CommandState.Unsupported, reason);
}
