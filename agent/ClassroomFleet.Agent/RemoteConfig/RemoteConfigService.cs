using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.RemoteConfig;

/// <summary>
/// Runs remote configuration on the agent: finishes an interrupted apply at start, subscribes to the school's retained
/// <c>config/desired</c> (the broker hands over the latest document on every (re)subscribe, as a device twin's full
/// re-fetch), feeds each document to the <see cref="ConfigApplier"/>, publishes the retained <c>config/reported</c>
/// (again on every reconnect and whenever the school file in force changes), and undoes an applied document whose
/// confirmation does not come in time. Every report carries the text of the school file in force, and an agent that
/// never accepted a push reports <see cref="ConfigStatus.Local"/> (version 0): that is how the fleet learns the file a
/// school's first push starts from.
/// </summary>
public sealed class RemoteConfigService(
    ConfigApplier applier,
    SchoolFileProvider provider,
    IMqttTransport transport,
    IOptions<AgentOptions> agentOptions,
    TimeProvider time,
    ILogger<RemoteConfigService> logger) : BackgroundService
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _publishing = new(1, 1);
    private (string County, string School)? _school;
    private string? _reportedSha256;

    public override void Dispose()
    {
        _publishing.Dispose();
        base.Dispose();
    }

    /// <summary>Confirms <paramref name="version"/> (or undoes it if the confirmation is too late) and publishes the outcome; null when it was not awaiting confirmation.</summary>
    public async Task<ConfigReported?> ConfirmAsync(long version, CancellationToken cancellationToken)
    {
        var report = await applier.ConfirmAsync(version, cancellationToken).ConfigureAwait(false);
        if (report is not null)
        {
            await PublishLatestAsync(cancellationToken).ConfigureAwait(false);
        }

        return report;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var current = provider.Current ?? await provider.ReloadAsync(stoppingToken).ConfigureAwait(false);
        await applier.RecoverAsync(stoppingToken).ConfigureAwait(false); // its report, if any, is the applier's last: published below
        if (current is null)
        {
            return;
        }

        _school = (current.County, current.School);
        transport.ConnectionStateChanged += OnConnectionStateChanged;
        try
        {
            _ = PublishLatestAsync(stoppingToken);
            await transport.SubscribeAsync(Topics.ConfigDesired(current.County, current.School), MessageQos.AtLeastOnce, OnDesiredAsync, stoppingToken).ConfigureAwait(false);
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await RunStepAsync(applier.CheckDeadlineAsync, stoppingToken).ConfigureAwait(false);
                if (provider.CurrentSha256 is { } sha && Interlocked.Exchange(ref _reportedSha256, sha) != sha)
                {
                    // The school file in force changed outside a push (edited on the gateway): the fleet's copy is stale.
                    _ = PublishLatestAsync(stoppingToken);
                }
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
                _ = PublishLatestAsync(cancellationToken);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            RemoteConfigLog.StepFailed(logger, ex);
        }
    }

    private void OnConnectionStateChanged(object? sender, ConnectionStateChangedEventArgs e)
    {
        if (e.IsConnected)
        {
            _ = PublishLatestAsync(CancellationToken.None);
        }
    }

    /// <summary>The applier's last report, or, before any push was accepted, the report of the local school file.</summary>
    private ConfigReported LastReport() =>
        applier.State.LastReport ?? new ConfigReported
        {
            Agent = agentOptions.Value.AgentId,
            County = _school?.County ?? "",
            School = _school?.School ?? "",
            Version = applier.State.InForce,
            AttemptedVersion = applier.State.InForce,
            Status = ConfigStatus.Local,
            Reason = "no pushed configuration accepted yet: the local school file is in force",
            Time = time.GetUtcNow(),
        };

    /// <summary>
    /// Publishes the state as it is when the broker is free (every report the applier returns is also its last one):
    /// one publish at a time, each taking the latest report and file, so a slower earlier publish never lands last with
    /// a stale status.
    /// </summary>
    private async Task PublishLatestAsync(CancellationToken cancellationToken)
    {
        if (_school is not { } school)
        {
            return;
        }

        try
        {
            await _publishing.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var (text, sha) = provider.CurrentText;
                var report = LastReport() with { SchoolFile = text, Sha256 = sha };
                Volatile.Write(ref _reportedSha256, sha);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(PublishTimeout);
                var payload = ContractSerializer.Serialize(report, ContractJsonContext.Default.ConfigReported);
                var result = await transport.PublishAsync(new OutgoingMessage(Topics.ConfigReported(school.County, school.School), payload, MessageQos.AtLeastOnce, Retain: true), timeout.Token).ConfigureAwait(false);
                if (!result.Accepted)
                {
                    RemoteConfigLog.ReportNotPublished(logger, result.ReasonText ?? result.Failure.ToString());
                }
            }
            finally
            {
                _publishing.Release();
            }
        }
        catch (OperationCanceledException)
        {
            RemoteConfigLog.ReportNotPublished(logger, "the broker did not take it in time; it is sent again on reconnect");
        }
        catch (ObjectDisposedException)
        {
            // Stopping: the host disposed the service while a fire-and-forget publish was still waiting its turn.
        }
    }
}
