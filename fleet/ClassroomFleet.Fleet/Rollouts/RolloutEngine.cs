using System.Text.Json;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Fleet.Audit;
using ClassroomFleet.Fleet.RemoteConfig;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Rollouts;

/// <summary>
/// Runs rollouts wave by wave: pushes the patched file to every school of the current wave (with the school's current
/// version as base, so a concurrent edit makes that school fail with a conflict rather than be overwritten), follows
/// their reports, counts a school silent past <see cref="RemoteConfigFleetOptions.WaveTimeout"/> as failed, halts as
/// soon as failed schools exceed the error threshold of those started, and starts the next wave when one is done.
/// </summary>
public sealed class RolloutEngine(
    ConfigDatabase database,
    ConfigStore store,
    Registry.RegistryQueries registry,
    ConfigPushService push,
    AuditLog audit,
    IOptions<RemoteConfigFleetOptions> options,
    TimeProvider time,
    ILogger<RolloutEngine> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    public async Task<(RolloutView? Rollout, string? Problem)> CreateAsync(RolloutRequest request, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problem = request.Patch.Problem() ?? WavePlan.Problem(request.Waves)
            ?? (request.ErrorThreshold is < 0 or > 1 ? "error_threshold must be between 0 and 1" : null);
        if (problem is not null)
        {
            return (null, problem);
        }

        // The county's schools are those of the registry (every school whose agent reported) and those remote
        // configuration knows (pushed to or tagged before their agent was first heard of).
        var registered = (await registry.ListSchoolsAsync(request.County, cancellationToken).ConfigureAwait(false)).Select(s => s.Code);
        var known = (await store.ListSchoolsAsync(request.County, null, null, cancellationToken).ConfigureAwait(false)).Union(registered, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        if (request.Schools?.Where(s => !known.Contains(s)).ToList() is { Count: > 0 } unknown)
        {
            return (null, $"not schools of county {request.County}: {string.Join(", ", unknown)}");
        }

        var tagged = request.Tag is null ? null : (await store.ListSchoolsAsync(request.County, null, request.Tag, cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var targets = known
            .Where(s => (request.Schools is null || request.Schools.Contains(s)) && (tagged is null || tagged.Contains(s)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (targets.Count == 0)
        {
            return (null, "no school matches the target");
        }

        var id = "ro-" + time.GetUtcNow().ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        var waves = WavePlan.Assign(targets.Count, request.Waves);
        var now = time.GetUtcNow();
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction();
            await using (transaction.ConfigureAwait(false))
            {
                await connection.ExecuteAsync(
                    "INSERT INTO rollouts (id, county, created_by, created_at, request, error_threshold, state, current_wave) VALUES ($id, $c, $by, $at, $req, $th, $st, 0)",
                    new() { ["$id"] = id, ["$c"] = request.County, ["$by"] = actor, ["$at"] = now.Text(), ["$req"] = JsonSerializer.Serialize(request, RolloutJsonContext.Default.RolloutRequest), ["$th"] = request.ErrorThreshold, ["$st"] = RolloutStates.Running },
                    cancellationToken,
                    transaction).ConfigureAwait(false);
                for (var i = 0; i < targets.Count; i++)
                {
                    await connection.ExecuteAsync(
                        "INSERT INTO rollout_schools (rollout_id, county, school, wave, status, updated_at) VALUES ($id, $c, $s, $w, $st, $at)",
                        new() { ["$id"] = id, ["$c"] = request.County, ["$s"] = targets[i], ["$w"] = waves[i], ["$st"] = RolloutStates.Waiting, ["$at"] = now.Text() },
                        cancellationToken,
                        transaction).ConfigureAwait(false);
                }

                await AuditLog.AppendAsync(connection, transaction, new AuditEntry
                {
                    Time = now, Actor = actor, Action = "rollout.create", Target = request.County, Result = "ok",
                    Detail = $"rollout={id} schools={targets.Count} waves={string.Join(',', request.Waves)} threshold={request.ErrorThreshold} patch={request.Patch.Kind}.interval={request.Patch.Interval}",
                }, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await AdvanceAsync(id, cancellationToken).ConfigureAwait(false);
        return (await GetAsync(id, cancellationToken).ConfigureAwait(false), null);
    }

    public async Task OnReportedAsync(ConfigReported report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var status = report.Status switch
        {
            ConfigStatus.Applied => RolloutStates.Applied,
            ConfigStatus.Confirmed => RolloutStates.Succeeded,
            _ when ConfigStatus.IsFailure(report.Status) => RolloutStates.Failed,
            _ => null,
        };
        if (status is null)
        {
            return;
        }

        List<string> touched;
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            touched = await connection.QueryAsync(
                """
                UPDATE rollout_schools SET status = $st, reason = $r, updated_at = $at
                WHERE county = $c AND school = $s AND version = $v AND status IN ('pushed', 'applied')
                RETURNING rollout_id
                """,
                new() { ["$st"] = status, ["$r"] = $"{report.Status}: {report.Reason}".TrimEnd(' ', ':'), ["$at"] = time.GetUtcNow().Text(), ["$c"] = report.County, ["$s"] = report.School, ["$v"] = report.AttemptedVersion },
                r => r.GetString(0),
                cancellationToken).ConfigureAwait(false);
        }

        foreach (var id in touched)
        {
            await AdvanceAsync(id, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Advances every running rollout (wave timeouts).</summary>
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        foreach (var id in await RunningAsync(cancellationToken).ConfigureAwait(false))
        {
            await AdvanceAsync(id, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<bool> HaltAsync(string id, string actor, string reason, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SetStateAsync(id, RolloutStates.Halted, reason, actor, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<RolloutView?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var schools = await connection.QueryAsync(
                "SELECT county, school, wave, version, status, reason, updated_at FROM rollout_schools WHERE rollout_id = $id ORDER BY wave, school",
                new() { ["$id"] = id },
                r => new RolloutSchool(r.GetString(0), r.GetString(1), r.GetInt32(2), r.NullableInt64(3), r.GetString(4), r.NullableString(5), r.Instant(6)),
                cancellationToken).ConfigureAwait(false);
            var rows = await connection.QueryAsync(
                "SELECT id, county, created_by, created_at, state, current_wave, error_threshold, reason FROM rollouts WHERE id = $id",
                new() { ["$id"] = id },
                r => new RolloutView(r.GetString(0), r.GetString(1), r.GetString(2), r.Instant(3), r.GetString(4), r.GetInt32(5), r.GetDouble(6), r.NullableString(7), schools),
                cancellationToken).ConfigureAwait(false);
            return rows.Count == 0 ? null : rows[0];
        }
    }

    public async Task<IReadOnlyList<RolloutView>> ListAsync(string? county, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        List<string> ids;
        await using (connection.ConfigureAwait(false))
        {
            ids = await connection.QueryAsync("SELECT id FROM rollouts WHERE $c IS NULL OR county = $c ORDER BY created_at DESC LIMIT 100", new() { ["$c"] = county }, r => r.GetString(0), cancellationToken).ConfigureAwait(false);
        }

        var views = new List<RolloutView>(ids.Count);
        foreach (var id in ids)
        {
            views.Add((await GetAsync(id, cancellationToken).ConfigureAwait(false))!);
        }

        return views;
    }

    private async Task AdvanceAsync(string id, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (await StepAsync(id, cancellationToken).ConfigureAwait(false))
            {
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One step; true when the rollout moved to a new wave and should be stepped again.</summary>
    private async Task<bool> StepAsync(string id, CancellationToken cancellationToken)
    {
        var rollout = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (rollout is not { State: RolloutStates.Running })
        {
            return false;
        }

        var request = await RequestOfAsync(id, cancellationToken).ConfigureAwait(false);
        var wave = rollout.Schools.Where(s => s.Wave == rollout.CurrentWave).ToList();
        foreach (var school in wave.Where(s => s.Status == RolloutStates.Waiting))
        {
            await PushOneAsync(rollout, request.Patch, school, cancellationToken).ConfigureAwait(false);
        }

        var now = time.GetUtcNow();
        foreach (var silent in wave.Where(s => s.Status is RolloutStates.Pushed or RolloutStates.Applied && now - s.UpdatedAt > options.Value.WaveTimeout))
        {
            await SetSchoolAsync(id, silent.School, RolloutStates.Failed, silent.Version, $"no final report within {options.Value.WaveTimeout}", cancellationToken).ConfigureAwait(false);
        }

        rollout = (await GetAsync(id, cancellationToken).ConfigureAwait(false))!;
        var started = rollout.Schools.Where(s => s.Wave <= rollout.CurrentWave).ToList();
        var failed = started.Count(s => s.Status == RolloutStates.Failed);
        if (failed > rollout.ErrorThreshold * started.Count)
        {
            var reason = $"{failed} of {started.Count} schools failed, above the error threshold {rollout.ErrorThreshold:P0}";
            RemoteConfigFleetLog.RolloutHalted(logger, id, reason);
            await SetStateAsync(id, RolloutStates.Halted, reason, "fleet", cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (!started.All(s => RolloutStates.IsDone(s.Status)))
        {
            return false;
        }

        var last = rollout.Schools.Max(s => s.Wave);
        if (rollout.CurrentWave >= last)
        {
            await SetStateAsync(id, RolloutStates.Completed, RolloutSummary.Of(started), "fleet", cancellationToken).ConfigureAwait(false);
            return false;
        }

        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync("UPDATE rollouts SET current_wave = current_wave + 1, wave_started_at = $at WHERE id = $id", new() { ["$id"] = id, ["$at"] = now.Text() }, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private async Task PushOneAsync(RolloutView rollout, ConfigPatch patch, RolloutSchool school, CancellationToken cancellationToken)
    {
        var start = await store.GetStartingPointAsync(school.County, school.School, cancellationToken).ConfigureAwait(false);
        if (start is null)
        {
            await SetSchoolAsync(rollout.Id, school.School, RolloutStates.Skipped, null, "no school file known for this school: nobody pushed one and its agent has not reported one (remote configuration off?)", cancellationToken).ConfigureAwait(false);
            return;
        }

        var (yaml, changed) = patch.Apply(start.SchoolFile);
        if (changed == 0)
        {
            await SetSchoolAsync(rollout.Id, school.School, RolloutStates.Succeeded, start.Version, $"no device of kind {patch.Kind}: nothing to change", cancellationToken).ConfigureAwait(false);
            return;
        }

        var outcome = await push.PushAsync(school.County, school.School, start.Version, yaml, start.Agent, $"{rollout.CreatedBy} (rollout)", rollout.Id, cancellationToken).ConfigureAwait(false);
        await (outcome.Accepted
            ? SetSchoolAsync(rollout.Id, school.School, RolloutStates.Pushed, outcome.CurrentVersion, null, cancellationToken)
            : SetSchoolAsync(rollout.Id, school.School, RolloutStates.Failed, null, outcome.Problem, cancellationToken)).ConfigureAwait(false);
    }

    private async Task SetSchoolAsync(string id, string school, string status, long? version, string? reason, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync(
                "UPDATE rollout_schools SET status = $st, version = $v, reason = $r, updated_at = $at WHERE rollout_id = $id AND school = $s",
                new() { ["$st"] = status, ["$v"] = version, ["$r"] = reason, ["$at"] = time.GetUtcNow().Text(), ["$id"] = id, ["$s"] = school },
                cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> SetStateAsync(string id, string state, string reason, string actor, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var changed = await connection.ExecuteAsync("UPDATE rollouts SET state = $st, reason = $r WHERE id = $id AND state = 'running'", new() { ["$st"] = state, ["$r"] = reason, ["$id"] = id }, cancellationToken).ConfigureAwait(false);
            if (changed == 0)
            {
                return false;
            }
        }

        await audit.AppendAsync(actor, state == RolloutStates.Halted ? "rollout.halt" : "rollout.complete", id, null, null, state, reason, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<RolloutRequest> RequestOfAsync(string id, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var json = (string)(await connection.ScalarAsync("SELECT request FROM rollouts WHERE id = $id", new() { ["$id"] = id }, cancellationToken).ConfigureAwait(false))!;
            return JsonSerializer.Deserialize(json, RolloutJsonContext.Default.RolloutRequest)!;
        }
    }

    private async Task<List<string>> RunningAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.QueryAsync("SELECT id FROM rollouts WHERE state = 'running'", null, r => r.GetString(0), cancellationToken).ConfigureAwait(false);
        }
    }
}
