using System.Data;
using System.Data.Common;

namespace ClassroomFleet.Fleet.Registry.Migrations;

/// <summary>
/// Brings the registry schema up to date: every script not yet recorded in <c>schema_migrations</c> runs, in version
/// order, inside ONE transaction together with its record, so a failed script leaves the schema as it was. Running it
/// again applies nothing. A recorded version whose script name changed stops the start, since the database then holds
/// a schema this build does not know.
/// </summary>
public sealed class MigrationRunner
{
    private const string CreateTable =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_ms BIGINT NOT NULL)";

    private readonly RegistryDatabase _database;
    private readonly IReadOnlyList<Migration> _migrations;
    private readonly TimeProvider _time;

    public MigrationRunner(RegistryDatabase database, IReadOnlyList<Migration> migrations, TimeProvider time)
    {
        _database = database;
        _migrations = migrations;
        _time = time;
    }

    /// <summary>Applies what is pending and returns the versions applied now (empty when the schema was current).</summary>
    public async Task<IReadOnlyList<int>> ApplyAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (_database.Provider == RegistryProvider.Sqlite)
        {
            // WAL lets the API read while the feed writes; it is a property of the file, so set once here.
            await using var wal = connection.Command("PRAGMA journal_mode = WAL;");
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var create = connection.Command(CreateTable))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // SQLite: BeginTransaction takes the write lock at once (BEGIN IMMEDIATE). PostgreSQL: an explicit table lock, so two
        // fleet instances starting together apply each script once.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken).ConfigureAwait(false);
        if (_database.Provider == RegistryProvider.Postgres)
        {
            await using var lockTable = connection.Command("LOCK TABLE schema_migrations IN EXCLUSIVE MODE", transaction);
            await lockTable.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var applied = await ReadAppliedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var appliedNow = new List<int>();
        foreach (var migration in _migrations)
        {
            if (applied.TryGetValue(migration.Version, out var recordedName))
            {
                if (!string.Equals(recordedName, migration.Name, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException(
                        $"Registry migration {migration.Version} was applied as '{recordedName}' but this build has '{migration.Name}'");
                }

                continue;
            }

            await using (var script = connection.Command(migration.Sql, transaction))
            {
                await script.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using (var record = connection.Command("INSERT INTO schema_migrations (version, name, applied_ms) VALUES (@version, @name, @applied)", transaction)
                .With("@version", migration.Version)
                .With("@name", migration.Name)
                .With("@applied", _time.GetUtcNow().ToUnixTimeMilliseconds()))
            {
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            appliedNow.Add(migration.Version);
        }

        var unknown = applied.Keys.Where(v => _migrations.All(m => m.Version != v)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"The registry database has migrations this build does not know ({string.Join(", ", unknown)}): it was upgraded by a newer fleet");
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return appliedNow;
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<int, string>();
        await using var command = connection.Command("SELECT version, name FROM schema_migrations", transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied[(int)reader.Int64(0)] = reader.GetString(1);
        }

        return applied;
    }
}
