using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Commands;

/// <summary>
/// Subscribes to <c>cf/v1/{county}/{school}/command/+</c>, answers <c>delivered</c> at once, runs the command off the
/// receive path and publishes its final state on <c>…/command/{id}/result</c>.
/// </summary>
public sealed class CommandListener(
    IMqttTransport transport,
    SchoolFileProvider provider,
    CommandDispatcher dispatcher,
    IOptions<AgentOptions> agent,
    TimeProvider time,
    ILogger<CommandListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var school = provider.Current ?? await provider.ReloadAsync(stoppingToken).ConfigureAwait(false);
        if (school is null)
        {
            return;
        }

        var (county, code) = (school.County, school.School);
        await transport.SubscribeAsync(Topics.Command(county, code, "+"), MessageQos.AtLeastOnce, (message, ct) =>
        {
            if (!Topics.TryParse(message.Topic, out var topic) || topic.Kind != TopicKind.Command || topic.Leaf is null)
            {
                return Task.CompletedTask;
            }

            _ = RunAsync(county, code, topic.Leaf, message.Payload, stoppingToken);
            return Task.CompletedTask;
        }, stoppingToken).ConfigureAwait(false);
    }

    private async Task RunAsync(string county, string school, string id, ReadOnlyMemory<byte> payload, CancellationToken stoppingToken)
    {
        await PublishAsync(county, school, new CommandResult { Id = id, Agent = agent.Value.AgentId, State = CommandState.Delivered, Time = time.GetUtcNow() }, stoppingToken).ConfigureAwait(false);
        var dispatched = await dispatcher.DispatchAsync(id, payload, stoppingToken).ConfigureAwait(false);
        if (dispatched is not { } done)
        {
            return;
        }

        CommandLog.Finished(logger, id, done.Command?.Type ?? "?", done.Outcome.State, done.Outcome.Reason ?? "");
        await PublishAsync(county, school, new CommandResult
        {
            Id = id,
            Agent = agent.Value.AgentId,
            State = done.Outcome.State,
            Reason = done.Outcome.Reason,
            Output = done.Outcome.Output,
            Time = time.GetUtcNow(),
        }, stoppingToken).ConfigureAwait(false);
    }

    private async Task PublishAsync(string county, string school, CommandResult result, CancellationToken cancellationToken)
    {
        try
        {
            var payload = ContractSerializer.Serialize(result, ContractJsonContext.Default.CommandResult);
            var published = await transport.PublishAsync(new OutgoingMessage(Topics.CommandResult(county, school, result.Id), payload), cancellationToken).ConfigureAwait(false);
            if (!published.Accepted)
            {
                CommandLog.ResultNotPublished(logger, result.Id, published.ReasonText ?? published.Failure.ToString());
            }
        }
        catch (OperationCanceledException)
        {
            CommandLog.ResultNotPublished(logger, result.Id, "stopping");
        }
    }
}
