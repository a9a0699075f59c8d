using Microsoft.Data.Sqlite;

namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>
/// The SQLite database of remote configuration, rollouts, commands and the audit log. Connections are pooled by
/// Microsoft.Data.Sqlite; writers take <c>BEGIN IMMEDIATE</c> so that concurrent pushes serialise.
/// </summary>
public sealed class ConfigDatabase(string path)
{
    public string Path { get; } = path;

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 30 }.ToString();

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS config_migrations (step INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)", null, cancellationToken).ConfigureAwait(false);
            var done = Convert.ToInt32(await connection.ScalarAsync("SELECT COUNT(*) FROM config_migrations", null, cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
            for (var step = done; step < ConfigSchema.Steps.Count; step++)
            {
                var transaction = connection.BeginTransaction();
                await using (transaction.ConfigureAwait(false))
                {
                    await connection.ExecuteAsync(ConfigSchema.Steps[step], null, cancellationToken, transaction).ConfigureAwait(false);
                    await connection.ExecuteAsync("INSERT INTO config_migrations (step, applied_at) VALUES ($s, $t)", new() { ["$s"] = step + 1, ["$t"] = DateTimeOffset.UtcNow.ToString("O") }, cancellationToken, transaction).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
