using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Fleet.Rollouts;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>
/// Takes an agent's <c>config/reported</c>: stores it, confirms an <c>applied</c> report of the latest desired version
/// (the confirmation that stops the agent's rollback timer is a <c>config_confirm</c> command), and tells the rollouts.
/// A report whose county/school differ from its topic, or that does not decode, is refused, counted and logged.
/// </summary>
public sealed class ReportedConfigHandler(
    ConfigStore store,
    IConfigPublisher publisher,
    RolloutEngine rollouts,
    IOptions<RemoteConfigFleetOptions> options,
    TimeProvider time,
    ILogger<ReportedConfigHandler> logger)
{
    private long _rejected;

    public long Rejected => Interlocked.Read(ref _rejected);

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
