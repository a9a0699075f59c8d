using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Status;

/// <summary>
/// Publishes the retained status: a birth message after every (re)connect, a refresh every
/// <see cref="AgentOptions.StatusInterval"/>, and <c>online: false</c> on a clean stop (the will covers a crash).
/// </summary>
public sealed partial class AgentStatusPublisher(
    IMqttTransport transport,
    AgentStatusFactory statuses,
    SchoolFileProvider schoolFile,
    IOptions<AgentOptions> options,
    ILogger<AgentStatusPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan GoodbyeBudget = TimeSpan.FromSeconds(3);
    private readonly SemaphoreSlim _connected = new(0, 1);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (schoolFile.Current is { } school && transport.IsConnected)
        {
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(GoodbyeBudget);
            await PublishAsync(school, ContractSerializer.Serialize(statuses.Goodbye(), ContractJsonContext.Default.AgentStatus), budget.Token).ConfigureAwait(false);
        }
    }

    public override void Dispose()
    {
        transport.ConnectionStateChanged -= OnConnectionStateChanged;
        _connected.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        transport.ConnectionStateChanged += OnConnectionStateChanged;
        var interval = options.Value.StatusInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (transport.IsConnected && (schoolFile.Current ?? await schoolFile.ReloadAsync(stoppingToken).ConfigureAwait(false)) is { } school)
            {
                var status = ContractSerializer.Serialize(statuses.Online(), ContractJsonContext.Default.AgentStatus);
                await PublishAsync(school, status, stoppingToken).ConfigureAwait(false);
            }

            await _connected.WaitAsync(interval, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task PublishAsync(SchoolFile school, byte[] payload, CancellationToken cancellationToken)
    {
        try
        {
            var message = new OutgoingMessage(Topics.Status(school.County, school.School), payload, MessageQos.AtLeastOnce, Retain: true);
            var result = await transport.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            if (!result.Accepted)
            {
                LogStatusNotAccepted(logger, result.Failure.ToString());
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the will or the next birth will set the record straight.
        }
    }

    private void OnConnectionStateChanged(object? sender, ConnectionStateChangedEventArgs e)
    {
        if (e.IsConnected && _connected.CurrentCount == 0)
        {
            try
            {
                _connected.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    [LoggerMessage(EventId = 2400, Level = LogLevel.Warning, Message = "Status not accepted by the broker: {Failure}")]
    private static partial void LogStatusNotAccepted(ILogger logger, string failure);
}
