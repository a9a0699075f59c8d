using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Fleet.Audit;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>
/// Pushes a school file to one school: optimistic concurrency on the base version (two technicians editing from the
/// same version: the first wins, the second gets a conflict with the current version), the next version number,
/// the signed envelope and the audit entry in one transaction, then the retained publish.
/// </summary>
public sealed class ConfigPushService(
    ConfigStore store,
    ConfigSigningKey signingKey,
    IConfigPublisher publisher,
    IOptions<RemoteConfigFleetOptions> options,
    TimeProvider time,
    ILogger<ConfigPushService> logger)
{
    public async Task<PushOutcome> PushAsync(string county, string school, long baseVersion, string schoolFile, ConfigAgentSettings? agent, string actor, string? rolloutId, CancellationToken cancellationToken)
    {
        var target = $"{county}/{school}";
        var connection = await store.Database.OpenAsync(cancellationToken).ConfigureAwait(false);
        PushOutcome outcome;
        ConfigEnvelope? envelope = null;
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                var current = await ConfigStore.CurrentVersionAsync(connection, transaction, county, school, cancellationToken).ConfigureAwait(false);
                var now = time.GetUtcNow();
                var problem = SchoolFileCheck.Problem(schoolFile, county, school) ?? AgentSettingsProblem(agent);
                if (current != baseVersion)
                {
                    outcome = PushOutcome.Conflict(current);
                }
                else if (problem is not null)
                {
                    outcome = PushOutcome.Invalid(current, problem);
                }
                else
                {
                    var version = current + 1;
                    var document = new ConfigDocument
                    {
                        County = county,
                        School = school,
                        Version = version,
                        IssuedAt = now,
                        ExpiresAt = now + options.Value.DocumentLifetime,
                        IssuedBy = actor,
                        SchoolFile = schoolFile,
                        Agent = agent,
                        ConfirmTimeoutSeconds = options.Value.ConfirmTimeoutSeconds,
                    };
                    var documentJson = ContractSerializer.Serialize(document, ContractJsonContext.Default.ConfigDocument);
                    envelope = ConfigEnvelopeSigner.Sign(documentJson, signingKey.Key);
                    await connection.ExecuteAsync(
                        """
                        INSERT INTO desired (county, school, version, document, envelope, school_file, issued_by, issued_at, expires_at, rollout_id, agent)
                        VALUES ($c, $s, $v, $d, $e, $f, $by, $at, $exp, $r, $ag)
                        """,
                        new()
                        {
                            ["$c"] = county, ["$s"] = school, ["$v"] = version, ["$d"] = documentJson,
                            ["$e"] = ContractSerializer.Serialize(envelope, ContractJsonContext.Default.ConfigEnvelope),
                            ["$f"] = schoolFile, ["$by"] = actor, ["$at"] = now.Text(), ["$exp"] = document.ExpiresAt.Text(), ["$r"] = rolloutId,
                            ["$ag"] = agent is null ? null : System.Text.Json.JsonSerializer.Serialize(agent, ContractJsonContext.Default.ConfigAgentSettings),
                        },
                        cancellationToken,
                        transaction).ConfigureAwait(false);
                    outcome = PushOutcome.Pushed(version);
                }

                var result = outcome.Accepted ? "ok" : current != baseVersion ? "conflict" : "invalid";
                await AuditLog.AppendAsync(connection, transaction, new AuditEntry
                {
                    Time = now,
                    Actor = actor,
                    Action = "config.push",
                    Target = target,
                    BeforeVersion = current,
                    AfterVersion = outcome.Accepted ? outcome.CurrentVersion : null,
                    Result = result,
                    Detail = rolloutId is null ? outcome.Problem : $"rollout={rolloutId} {outcome.Problem}".TrimEnd(),
                }, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (envelope is not null)
        {
            RemoteConfigFleetLog.Pushed(logger, county, school, outcome.CurrentVersion, actor);
            await publisher.PublishDesiredAsync(county, school, envelope, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>The fleet's own check of the agent settings, so that an obvious mistake never reaches an agent.</summary>
    private static string? AgentSettingsProblem(ConfigAgentSettings? agent) =>
        agent switch
        {
            null => null,
            { MqttHost: { } host } when host.Length is 0 or > 253 || host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '@') => $"agent.mqtt_host '{host}' is not a host name or address",
            { MqttPort: { } port } when port is < 1 or > 65535 => $"agent.mqtt_port {port} is not between 1 and 65535",
            _ => null,
        };
}
