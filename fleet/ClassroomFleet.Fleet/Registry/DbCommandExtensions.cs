using System.Data.Common;
using System.Globalization;

namespace ClassroomFleet.Fleet.Registry;

/// <summary>Small helpers that keep registry SQL provider-neutral: parameters by name, values read by conversion.</summary>
internal static class DbCommandExtensions
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    public static string? NullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableInt64(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static long Int64(this DbDataReader reader, int ordinal) =>
        Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static double? NullableDouble(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : Convert.ToDouble(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static DateTimeOffset? NullableInstant(this DbDataReader reader, int ordinal) =>
        reader.NullableInt64(ordinal) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    public static bool? NullableFlag(this DbDataReader reader, int ordinal) =>
        reader.NullableInt64(ordinal) is { } flag ? flag != 0 : null;
}
