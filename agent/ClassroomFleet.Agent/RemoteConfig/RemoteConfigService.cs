using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>
/// Runs remote configuration on the agent: finishes an interrupted apply at start, subscribes to the school's retained
/// <c>config/desired</c> (the broker hands over the latest document on every (re)subscribe, as a device twin's full
/// re-fetch), feeds each document to the <see cref="ConfigApplier"/>, publishes the retained <c>config/reported</c>
/// (again on every reconnect), and undoes an applied document whose confirmation does not come in time.
/// </summary>
public sealed class RemoteConfigService(
    ConfigApplier applier,
    SchoolFileProvider provider,
    IMqttTransport transport,
    TimeProvider time,
    ILogger<RemoteConfigService> logger) : BackgroundService
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private (string County, string School)? _school;

    /// <summary>Confirms <paramref name="version"/> (or undoes it if the confirmation is too late) and publishes the outcome; null when it was not awaiting confirmation.</summary>
    public async Task<ConfigReported?> ConfirmAsync(long version, CancellationToken cancellationToken)
    {
        var report = await applier.ConfirmAsync(version, cancellationToken).ConfigureAwait(false);
        if (report is not null)
        {
            await PublishAsync(report, cancellationToken).ConfigureAwait(false);
        }

        return report;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var current = provider.Current ?? await provider.ReloadAsync(stoppingToken).ConfigureAwait(false);
        var recovered = await applier.RecoverAsync(stoppingToken).ConfigureAwait(false);
        if (current is null)
        {
            return;
        }

        _school = (current.County, current.School);
        transport.ConnectionStateChanged += OnConnectionStateChanged;
        try
        {
            if (recovered is not null)
            {
                _ = PublishAsync(recovered, stoppingToken);
            }

            await transport.SubscribeAsync(Topics.ConfigDesired(current.County, current.School), MessageQos.AtLeastOnce, OnDesiredAsync, stoppingToken).ConfigureAwait(false);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunStepAsync(applier.CheckDeadlineAsync, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            transport.ConnectionStateChanged -= OnConnectionStateChanged;
        }
    }

    private async Task OnDesiredAsync(IncomingMessage message, CancellationToken cancellationToken)
    {
        if (message.Payload.IsEmpty)
        {
            return; // a cleared retained message
        }

        await RunStepAsync(async ct => (ConfigReported?)await applier.AcceptAsync(message.Payload, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    private async Task RunStepAsync(Func<CancellationToken, Task<ConfigReported?>> step, CancellationToken cancellationToken)
    {
        try
        {
            var report = await step(cancellationToken).ConfigureAwait(false);
            if (report is not null)
            {
                // Off this path: publishing waits for the broker, and the rollback must not wait for it.
                _ = PublishAsync(report, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            RemoteConfigLog.StepFailed(logger, ex);
        }
    }

    private void OnConnectionStateChanged(object? sender, ConnectionStateChangedEventArgs e)
    {
        if (e.IsConnected && applier.State.LastReport is { } last)
        {
            _ = PublishAsync(last, CancellationToken.None);
        }
    }

    private async Task PublishAsync(ConfigReported report, CancellationToken cancellationToken)
    {
        if (_school is not { } school)
        {
            return;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(PublishTimeout);
            var payload = ContractSerializer.Serialize(report, ContractJsonContext.Default.ConfigReported);
            var result = await transport.PublishAsync(new OutgoingMessage(Topics.ConfigReported(school.County, school.School), payload, MessageQos.AtLeastOnce, Retain: true), timeout.Token).ConfigureAwait(false);
            if (!result.Accepted)
            {
                RemoteConfigLog.ReportNotPublished(logger, result.ReasonText ?? result.Failure.ToString());
            }
        }
        catch (OperationCanceledException)
        {
            RemoteConfigLog.ReportNotPublished(logger, "the broker did not take it in time; it is sent again on reconnect");
        }
    }
}
