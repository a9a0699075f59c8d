using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ClassroomFleet.Fleet.RemoteConfig;

/// <summary>Small helpers over Microsoft.Data.Sqlite: parameters by name, nulls as DBNull.</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, Dictionary<string, object?>? parameters, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters ?? [])
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(this SqliteConnection connection, string sql, Dictionary<string, object?>? parameters, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        var command = connection.Command(sql, parameters, transaction);
        await using (command.ConfigureAwait(false))
        {
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public static async Task<object?> ScalarAsync(this SqliteConnection connection, string sql, Dictionary<string, object?>? parameters, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        var command = connection.Command(sql, parameters, transaction);
        await using (command.ConfigureAwait(false))
        {
            var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is DBNull ? null : value;
        }
    }

    public static async Task<List<T>> QueryAsync<T>(this SqliteConnection connection, string sql, Dictionary<string, object?>? parameters, Func<DbDataReader, T> map, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        var command = connection.Command(sql, parameters, transaction);
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                var rows = new List<T>();
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(map(reader));
                }

                return rows;
            }
        }
    }

    public static string? NullableString(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableInt64(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static DateTimeOffset Instant(this DbDataReader reader, int ordinal) =>
        DateTimeOffset.Parse(reader.GetString(ordinal), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind);

    public static string Text(this DateTimeOffset instant) => instant.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
