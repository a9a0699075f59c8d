using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Fleet.Commands;
using ClassroomFleet.Fleet.Rollouts;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>
/// Migrates <c>config.db</c> at start, subscribes to every school's <c>config/reported</c> and command results
/// (shared subscriptions, so several fleet instances split them), and on a tick advances rollouts, expires commands and
/// anchors the head of the audit chain.
/// </summary>
public sealed class RemoteConfigFleetService(
    ConfigDatabase database,
    ConfigSigningKey signingKey,
    Audit.AuditLog audit,
    IMqttTransport transport,
    ReportedConfigHandler reported,
    CommandService commands,
    RolloutEngine rollouts,
    IOptions<RemoteConfigFleetOptions> options,
    IOptions<Configuration.FleetOptions> fleet,
    IOptions<Messaging.Broker.EmbeddedBrokerOptions> embeddedBroker,
    TimeProvider time,
    ILogger<RemoteConfigFleetService> logger) : BackgroundService
{
    public const string AllReported = Topics.Root + "/+/+/config/reported";
    public const string AllCommandResults = Topics.Root + "/+/+/command/+/result";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken).ConfigureAwait(false);

        // Resolved here so that a missing key is created (or a bad one refused) at start, not at the first push.
        var keyId = Contracts.Messages.ConfigEnvelopeSigner.KeyIdOf(signingKey.Key);
        RemoteConfigFleetLog.SigningKey(logger, signingKey.Path, keyId);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // MQTTnet's in-process broker refuses shared subscriptions (reason 158); with it there is one fleet instance anyway.
        var group = fleet.Value.SharedGroup;
        string Filter(string topics) => embeddedBroker.Value.Enabled ? topics : Topics.Shared(group, topics);
        try
        {
            await transport.SubscribeAsync(Filter(AllReported), MessageQos.AtLeastOnce, (m, ct) => GuardAsync(() => reported.HandleAsync(m.Topic, m.Payload, ct)), stoppingToken).ConfigureAwait(false);
            await transport.SubscribeAsync(Filter(AllCommandResults), MessageQos.AtLeastOnce, (m, ct) => GuardAsync(() => commands.OnResultAsync(m.Topic, m.Payload, ct)), stoppingToken).ConfigureAwait(false);
        }
        catch (MqttSubscribeException ex)
        {
            // Remembered by the transport and renewed on reconnect; the rest of the fleet keeps running meanwhile.
            RemoteConfigFleetLog.StepFailed(logger, ex);
        }
        var followUps = reported.RunFollowUpsAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.RolloutTick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await GuardAsync(() => rollouts.TickAsync(stoppingToken)).ConfigureAwait(false);
                await GuardAsync(() => commands.ExpireAsync(stoppingToken)).ConfigureAwait(false);
                await GuardAsync(() => audit.AnchorAsync(stoppingToken)).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await followUps.ConfigureAwait(false);
    }

    private async Task GuardAsync(Func<Task> step)
    {
        try
        {
            await step().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
        {
            RemoteConfigFleetLog.StepFailed(logger, ex);
        }
    }
}
