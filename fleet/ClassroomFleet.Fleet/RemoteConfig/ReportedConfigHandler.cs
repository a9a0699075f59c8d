using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Fleet.Rollouts;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>
/// Takes an agent's <c>config/reported</c>: stores it, confirms an <c>applied</c> report of the latest desired version
/// (the confirmation that stops the agent's rollback timer is a <c>config_confirm</c> command), and tells the rollouts.
/// A report whose county/school differ from its topic, or that does not decode, is refused, counted and logged.
/// <para>
/// The message handler only stores the report; the confirmation and the rollouts, which publish at QoS 1 and wait for
/// the broker's PUBACK, follow in <see cref="RunFollowUpsAsync"/>, in order. Waiting there inside the handler would hold
/// up every message behind it, and while the transport holds the broker to its receive window the PUBACK may itself sit
/// behind those unread messages until the handler times out. Should <see cref="FollowUpCapacity"/> reports ever be
/// waiting, a further one is stored but not followed up (counted and logged): the rollout tick still advances, and an
/// unconfirmed agent rolls back and reports it.
/// </para>
/// </summary>
public sealed class ReportedConfigHandler(
    ConfigStore store,
    IConfigPublisher publisher,
    RolloutEngine rollouts,
    IOptions<RemoteConfigFleetOptions> options,
    TimeProvider time,
    ILogger<ReportedConfigHandler> logger)
{
    public const int FollowUpCapacity = 10_000;

    private readonly Channel<ConfigReported> _followUps = Channel.CreateBounded<ConfigReported>(
        new BoundedChannelOptions(FollowUpCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _rejected;
    private long _notFollowedUp;

    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Reports stored but not followed up because <see cref="FollowUpCapacity"/> were already waiting.</summary>
    public long NotFollowedUp => Interlocked.Read(ref _notFollowedUp);

    public async Task HandleAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (!Topics.TryParse(topic, out var parsed) || parsed.Kind != TopicKind.ConfigReported || payload.IsEmpty)
        {
            return;
        }

        ConfigReported report;
        try
        {
            report = ContractSerializer.Deserialize(payload.Span, ContractJsonContext.Default.ConfigReported, r => r.Schema);
        }
        catch (ContractDecodeException ex)
        {
            Reject(topic, ex.Message);
            return;
        }

        if (report.County != parsed.County || report.School != parsed.School)
        {
            Reject(topic, $"payload names {report.County}/{report.School}");
            return;
        }

        RemoteConfigFleetLog.Reported(logger, report.County, report.School, report.AttemptedVersion, report.Status, report.Reason ?? "");
        await store.SaveReportedAsync(report, cancellationToken).ConfigureAwait(false);
        if (!_followUps.Writer.TryWrite(report))
        {
            Interlocked.Increment(ref _notFollowedUp);
            RemoteConfigFleetLog.FollowUpDropped(logger, report.County, report.School, report.Version, FollowUpCapacity);
        }
    }

    /// <summary>Confirms and tells the rollouts, report after report, until <paramref name="stoppingToken"/> fires.</summary>
    public async Task RunFollowUpsAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var report in _followUps.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await FollowUpAsync(report, stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or IOException or InvalidOperationException)
                {
                    RemoteConfigFleetLog.StepFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task FollowUpAsync(ConfigReported report, CancellationToken cancellationToken)
    {
        if (report.Status == ConfigStatus.Applied)
        {
            var desired = await store.GetDesiredAsync(report.County, report.School, cancellationToken).ConfigureAwait(false);
            if (desired?.Version == report.Version)
            {
                var now = time.GetUtcNow();
                await publisher.PublishCommandAsync(report.County, report.School, new CommandMessage
                {
                    Id = $"cfg-confirm-{report.Version}",
                    Type = CommandTypes.ConfigConfirm,
                    Args = new Dictionary<string, string> { ["version"] = report.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                    IssuedBy = "fleet",
                    IssuedAt = now,
                    ExpiresAt = now + TimeSpan.FromSeconds(options.Value.ConfirmTimeoutSeconds),
                }, cancellationToken).ConfigureAwait(false);
            }
        }

        await rollouts.OnReportedAsync(report, cancellationToken).ConfigureAwait(false);
    }

    private void Reject(string topic, string reason)
    {
        Interlocked.Increment(ref _rejected);
        RemoteConfigFleetLog.Rejected(logger, topic, reason);
    }
}
