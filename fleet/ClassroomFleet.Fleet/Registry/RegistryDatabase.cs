using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ClassroomFleet.Fleet.Registry;

/// <summary>
/// Opens connections to the registry database. All registry SQL is portable (ANSI plus <c>ON CONFLICT … DO UPDATE</c>,
/// which SQLite 3.24+ and PostgreSQL 9.5+ share) with <c>@name</c> parameters; the provider decides only the connection.
/// </summary>
public sealed class RegistryDatabase : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;

    public RegistryDatabase(RegistryProvider provider, string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        Provider = provider;
        ConnectionString = connectionString;
        if (provider == RegistryProvider.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(connectionString);
        }
        else
        {
            // Ensure the folder of the SQLite file exists; the file itself is created on first open.
            var builder = new SqliteConnectionStringBuilder(connectionString);
            var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (builder.Mode != SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource) && folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
        }
    }

    public RegistryProvider Provider { get; }

    public string ConnectionString { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

            // The feed, the sighting flusher and the API write concurrently: wait for a lock rather than fail.
            using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = 10000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync().ConfigureAwait(false);
        }
    }
}
