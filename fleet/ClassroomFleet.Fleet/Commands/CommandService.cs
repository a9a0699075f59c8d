using System.Data.Common;
using System.Text.Json;
using ClassroomFleet.Contracts.Identifiers;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Fleet.Audit;
using ClassroomFleet.Fleet.Auth;
using ClassroomFleet.Fleet.RemoteConfig;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Commands;

/// <summary>
/// Commands on the fleet: checked against <see cref="CommandPolicy"/>, stored as <c>queued</c>, audited, published;
/// the agent's results move them to <c>delivered</c> and a final state; one still open past its expiry becomes
/// <c>expired</c>. A result never moves a command out of a final state.
/// </summary>
public sealed class CommandService(
    ConfigDatabase database,
    IConfigPublisher publisher,
    AuditLog audit,
    IOptions<RemoteConfigFleetOptions> options,
    TimeProvider time,
    ILogger<CommandService> logger)
{
    private const string Columns = "id, county, school, type, device, issued_by, issued_at, expires_at, state, reason, output";

    public async Task<(CommandView? Command, string? Problem, bool Forbidden)> SendAsync(CommandRequest request, string actor, ApiRole? role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = $"{request.County}/{request.School}";
        var refusal = CommandPolicy.Refusal(role, request.Type, request.Args);
        if (refusal is not null)
        {
            await audit.AppendAsync(actor, "command.send", target, null, null, "forbidden", $"type={request.Type} {refusal}", cancellationToken).ConfigureAwait(false);
            return (null, refusal, true);
        }

        if (CommandPolicy.NeedsDevice(request.Type) && (request.Device is null || !ContractIdentifiers.IsDeviceId(request.Device)))
        {
            return (null, $"'{request.Type}' needs a valid device id", false);
        }

        var now = time.GetUtcNow();
        var lifetime = request.ExpiresInSeconds is > 0 and <= 86_400 and var s ? TimeSpan.FromSeconds(s) : options.Value.CommandLifetime;
        var command = new CommandMessage
        {
            Id = "cmd-" + Guid.NewGuid().ToString("N")[..16],
            Type = request.Type,
            Device = request.Device,
            Args = request.Args,
            IssuedBy = actor,
            IssuedAt = now,
            ExpiresAt = now + lifetime,
        };
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction();
            await using (transaction.ConfigureAwait(false))
            {
                await connection.ExecuteAsync(
                    $"INSERT INTO commands (id, county, school, type, device, args, issued_by, issued_at, expires_at, state, updated_at) VALUES ($id, $c, $s, $t, $d, $a, $by, $at, $exp, $st, $at)",
                    new()
                    {
                        ["$id"] = command.Id, ["$c"] = request.County, ["$s"] = request.School, ["$t"] = command.Type, ["$d"] = command.Device,
                        ["$a"] = request.Args is null ? null : JsonSerializer.Serialize(request.Args, CommandJsonContext.Default.DictionaryStringString),
                        ["$by"] = actor, ["$at"] = now.Text(), ["$exp"] = command.ExpiresAt.Text(), ["$st"] = CommandState.Queued,
                    },
                    cancellationToken,
                    transaction).ConfigureAwait(false);
                await AuditLog.AppendAsync(connection, transaction, new AuditEntry { Time = now, Actor = actor, Action = "command.send", Target = target, Result = "ok", Detail = $"id={command.Id} type={command.Type} device={command.Device}" }, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await publisher.PublishCommandAsync(request.County, request.School, command, cancellationToken).ConfigureAwait(false);
        return (await GetAsync(command.Id, cancellationToken).ConfigureAwait(false), null, false);
    }

    public async Task OnResultAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (!Topics.TryParse(topic, out var parsed) || parsed.Kind != TopicKind.CommandResult)
        {
            return;
        }

        CommandResult result;
        try
        {
            result = ContractSerializer.Deserialize(payload.Span, ContractJsonContext.Default.CommandResult, r => r.Schema);
        }
        catch (ContractDecodeException ex)
        {
            RemoteConfigFleetLog.Rejected(logger, topic, ex.Message);
            return;
        }

        if (result.Id != parsed.Leaf)
        {
            RemoteConfigFleetLog.Rejected(logger, topic, "result id differs from the topic");
            return;
        }

        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(
                "UPDATE commands SET state = $st, reason = $r, output = $o, updated_at = $at WHERE id = $id AND county = $c AND school = $s AND state IN ('queued', 'delivered')",
                new()
                {
                    ["$st"] = result.State, ["$r"] = result.Reason,
                    ["$o"] = result.Output is null ? null : JsonSerializer.Serialize(result.Output, CommandJsonContext.Default.IReadOnlyDictionaryStringString),
                    ["$at"] = time.GetUtcNow().Text(), ["$id"] = result.Id, ["$c"] = parsed.County, ["$s"] = parsed.School,
                },
                cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Marks open commands past their expiry as expired; returns how many.</summary>
    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().Text();
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.ExecuteAsync(
                "UPDATE commands SET state = 'expired', reason = 'no final result before the expiry', updated_at = $now WHERE state IN ('queued', 'delivered') AND expires_at < $now",
                new() { ["$now"] = now },
                cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<CommandView?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync("id = $id", new() { ["$id"] = id }, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<List<CommandView>> ListAsync(string county, string? school, CancellationToken cancellationToken) =>
        QueryAsync("county = $c AND ($s IS NULL OR school = $s) ORDER BY issued_at DESC LIMIT 200", new() { ["$c"] = county, ["$s"] = school }, cancellationToken);

    private async Task<List<CommandView>> QueryAsync(string where, Dictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.QueryAsync($"SELECT {Columns} FROM commands WHERE {where}", parameters, Read, cancellationToken).ConfigureAwait(false);
        }
    }

    private static CommandView Read(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.NullableString(4), r.GetString(5), r.Instant(6), r.Instant(7), r.GetString(8), r.NullableString(9), r.NullableString(10));
}
