using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Commands;

/// <summary>
/// Decodes a command, refuses it if expired or addressed under another id, and hands it to the handler of its type.
/// Each command id runs at most once per agent run (the fleet may redeliver with QoS 1).
/// </summary>
public sealed class CommandDispatcher(IEnumerable<ICommandHandler> handlers, TimeProvider time, ILogger<CommandDispatcher> logger)
{
    private const int RememberedIds = 1024;
    private readonly Dictionary<string, ICommandHandler> _handlers = handlers.ToDictionary(h => h.Type, StringComparer.Ordinal);
    private readonly Queue<string> _seenOrder = new();
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Null for a duplicate; otherwise the decoded command (or null command with a failure) and its outcome.</summary>
    public async Task<(CommandMessage? Command, CommandOutcome Outcome)?> DispatchAsync(string topicId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        CommandMessage command;
        try
        {
            command = ContractSerializer.Deserialize(payload.Span, ContractJsonContext.Default.CommandMessage, c => c.Schema);
        }
        catch (ContractDecodeException ex)
        {
            CommandLog.Malformed(logger, topicId, ex.Message);
            return (null, CommandOutcome.Failed($"not a command: {ex.Message}"));
        }

        if (command.Id != topicId)
        {
            CommandLog.Malformed(logger, topicId, $"payload id {command.Id} differs from the topic");
            return (null, CommandOutcome.Failed("the payload's id differs from the topic's"));
        }

        if (!Remember(command.Id))
        {
            return null;
        }

        if (time.GetUtcNow() > command.ExpiresAt)
        {
            return (command, new CommandOutcome(CommandState.Expired, $"expired at {command.ExpiresAt:O} before the agent received it"));
        }

        if (!_handlers.TryGetValue(command.Type, out var handler))
        {
            return (command, CommandOutcome.Unsupported($"this agent has no handler for '{command.Type}'"));
        }

        try
        {
            using var expiry = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            expiry.CancelAfter(Clamp(command.ExpiresAt - time.GetUtcNow()));
            return (command, await handler.HandleAsync(command, expiry.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (command, new CommandOutcome(CommandState.Expired, "the command expired while it ran"));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            CommandLog.HandlerFailed(logger, command.Id, command.Type, ex);
            return (command, CommandOutcome.Failed(ex.Message));
        }
    }

    private static TimeSpan Clamp(TimeSpan left) => left < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : left;

    private bool Remember(string id)
    {
        lock (_lock)
        {
            if (!_seen.Add(id))
            {
                return false;
            }

            _seenOrder.Enqueue(id);
            if (_seenOrder.Count > RememberedIds)
            {
                _seen.Remove(_seenOrder.Dequeue());
            }

            return true;
        }
    }
}
