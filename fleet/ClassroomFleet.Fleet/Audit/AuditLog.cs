using System.Data.Common;
using ClassroomFleet.Fleet.RemoteConfig;
using Microsoft.Data.Sqlite;

namespace ClassroomFleet.Fleet.Audit;

/// <summary>
/// The append-only audit log in <c>config.db</c>. There is no update or delete here nor in the API, and triggers make
/// SQLite refuse both; an edit made behind SQLite's back (in the file) breaks the hash chain, and a chain rewritten
/// or cut short no longer matches its anchors (<see cref="AuditAnchors"/>); <see cref="VerifyAsync"/> finds both.
/// </summary>
public sealed class AuditLog(ConfigDatabase database, TimeProvider time, ILogger<AuditLog> logger) : IDisposable
{
    private readonly AuditAnchors _anchors = new(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(database.Path))!, "audit-anchors.log"));
    private readonly SemaphoreSlim _anchoring = new(1, 1);

    public AuditAnchors Anchors => _anchors;

    public void Dispose() => _anchoring.Dispose();

    /// <summary>Anchors the head of the chain if it moved since the last anchor (see <see cref="AuditAnchors"/>).</summary>
    public async Task AnchorAsync(CancellationToken cancellationToken)
    {
        await _anchoring.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            List<(long Seq, string Hash)> head;
            await using (connection.ConfigureAwait(false))
            {
                head = await connection.QueryAsync("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", null, r => (r.GetInt64(0), r.GetString(1)), cancellationToken).ConfigureAwait(false);
            }

            if (head.Count == 0 || _anchors.Last()?.Sequence == head[0].Seq)
            {
                return;
            }

            await _anchors.AppendAsync(head[0].Seq, head[0].Hash, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            AuditLogMessages.Anchored(logger, head[0].Seq, head[0].Hash);
        }
        finally
        {
            _anchoring.Release();
        }
    }

    private const string Columns = "seq, time, actor, action, target, before_version, after_version, result, detail, prev_hash, hash";

    /// <summary>Appends within the caller's transaction (so that the entry and the change it records commit together).</summary>
    public static async Task<AuditEntry> AppendAsync(SqliteConnection connection, SqliteTransaction transaction, AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(entry);
        var last = await connection.QueryAsync("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", null, r => (Seq: r.GetInt64(0), Hash: r.GetString(1)), cancellationToken, transaction).ConfigureAwait(false);
        var (previousSeq, previousHash) = last.Count == 0 ? (0L, AuditHash.Genesis) : last[0];
        var sealedEntry = entry with { Sequence = previousSeq + 1, PreviousHash = previousHash };
        sealedEntry = sealedEntry with { Hash = AuditHash.Compute(previousHash, sealedEntry) };
        await connection.ExecuteAsync(
            $"INSERT INTO audit_log ({Columns}) VALUES ($seq, $time, $actor, $action, $target, $before, $after, $result, $detail, $prev, $hash)",
            new()
            {
                ["$seq"] = sealedEntry.Sequence,
                ["$time"] = sealedEntry.Time.Text(),
                ["$actor"] = sealedEntry.Actor,
                ["$action"] = sealedEntry.Action,
                ["$target"] = sealedEntry.Target,
                ["$before"] = sealedEntry.BeforeVersion,
                ["$after"] = sealedEntry.AfterVersion,
                ["$result"] = sealedEntry.Result,
                ["$detail"] = sealedEntry.Detail,
                ["$prev"] = sealedEntry.PreviousHash,
                ["$hash"] = sealedEntry.Hash,
            },
            cancellationToken,
            transaction).ConfigureAwait(false);
        return sealedEntry;
    }

    /// <summary>Appends in a transaction of its own.</summary>
    public async Task<AuditEntry> AppendAsync(string actor, string action, string target, long? before, long? after, string result, string? detail, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction();
            await using (transaction.ConfigureAwait(false))
            {
                var entry = await AppendAsync(connection, transaction, new AuditEntry { Time = time.GetUtcNow(), Actor = actor, Action = action, Target = target, BeforeVersion = before, AfterVersion = after, Result = result, Detail = detail }, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return entry;
            }
        }
    }

    /// <summary>
    /// Entries newest first, filtered by county (a target <c>{county}</c> or <c>{county}/{school}</c>, or the id of a
    /// rollout of that county), actor and action.
    /// </summary>
    public async Task<IReadOnlyList<AuditEntry>> QueryAsync(string? county, string? actor, string? action, int limit, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return await connection.QueryAsync(
                $"SELECT {Columns} FROM audit_log WHERE ($county IS NULL OR target = $county OR target LIKE $county || '/%' OR target IN (SELECT id FROM rollouts WHERE county = $county) OR detail LIKE '%county=' || $county || '%') AND ($actor IS NULL OR actor = $actor) AND ($action IS NULL OR action = $action) ORDER BY seq DESC LIMIT $limit",
                new() { ["$county"] = county, ["$actor"] = actor, ["$action"] = action, ["$limit"] = Math.Clamp(limit, 1, 10_000) },
                Read,
                cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var rows = await connection.QueryAsync($"SELECT {Columns} FROM audit_log ORDER BY seq", null, ReadForCheck, cancellationToken).ConfigureAwait(false);
            var entries = new List<AuditEntry>(rows.Count);
            var previous = AuditHash.Genesis;
            long expectedSeq = 1;
            foreach (var (sequence, entry, unreadable) in rows)
            {
                if (entry is null)
                {
                    // An edit made a field undecodable (a broken time, say): that entry is where the log stops being intact.
                    AuditLogMessages.Unreadable(logger, sequence, unreadable!);
                    return new AuditVerification(false, rows.Count, sequence, $"it cannot be read: {unreadable}");
                }

                entries.Add(entry);
                if (entry.Sequence != expectedSeq)
                {
                    return new AuditVerification(false, rows.Count, entry.Sequence, $"entry {expectedSeq} is missing");
                }

                if (entry.PreviousHash != previous)
                {
                    return new AuditVerification(false, rows.Count, entry.Sequence, "its link to the previous entry does not match");
                }

                if (AuditHash.Compute(previous, entry) != entry.Hash)
                {
                    return new AuditVerification(false, rows.Count, entry.Sequence, "its content does not match its hash");
                }

                previous = entry.Hash;
                expectedSeq++;
            }

            var bySeq = entries.ToDictionary(e => e.Sequence, e => e.Hash);
            foreach (var (seq, hash) in _anchors.Read())
            {
                if (!bySeq.TryGetValue(seq, out var found))
                {
                    return new AuditVerification(false, rows.Count, seq, $"anchored entry {seq} is missing: the log was cut short");
                }

                if (found != hash)
                {
                    return new AuditVerification(false, rows.Count, seq, $"entry {seq} differs from its anchor: the chain was rewritten from there on");
                }
            }

            return new AuditVerification(true, rows.Count, null, null);
        }
    }

    /// <summary>A row for <see cref="VerifyAsync"/>: the entry, or why its fields cannot be decoded.</summary>
    private static (long Sequence, AuditEntry? Entry, string? Unreadable) ReadForCheck(DbDataReader r)
    {
        var sequence = r.GetInt64(0);
        try
        {
            return (sequence, Read(r), null);
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException or InvalidOperationException or OverflowException)
        {
            return (sequence, null, ex.Message);
        }
    }

    private static AuditEntry Read(DbDataReader r) => new()
    {
        Sequence = r.GetInt64(0),
        Time = r.Instant(1),
        Actor = r.GetString(2),
        Action = r.GetString(3),
        Target = r.GetString(4),
        BeforeVersion = r.NullableInt64(5),
        AfterVersion = r.NullableInt64(6),
        Result = r.GetString(7),
        Detail = r.NullableString(8),
        PreviousHash = r.GetString(9),
        Hash = r.GetString(10),
    };
}
