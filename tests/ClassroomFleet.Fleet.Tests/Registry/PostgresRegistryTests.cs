using System.Globalization;
using ClassroomFleet.Fleet.Registry;
using ClassroomFleet.Testing;
using Npgsql;

namespace ClassroomFleet.Fleet.Tests.Registry;

/// <summary>
/// The registry contract on PostgreSQL (the server of scripts/services.sh, CF_POSTGRES_CONNECTION): each test creates a
/// database of its own and drops it afterwards, so tests in parallel never see each other's rows.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "postgres")]
public sealed class PostgresRegistryTests : RegistryContractTests
{
    private readonly string _name = "cf_registry_" + Guid.NewGuid().ToString("N")[..16];

    protected override async Task<RegistryDatabase> CreateEmptyDatabaseAsync()
    {
        await AdminAsync($"CREATE DATABASE {_name} ENCODING 'UTF8' TEMPLATE template0");
        var builder = new NpgsqlConnectionStringBuilder(ServiceEndpoints.PostgresConnection) { Database = _name };
        return new RegistryDatabase(RegistryProvider.Postgres, builder.ConnectionString);
    }

    protected override async Task DropDatabaseAsync() => await AdminAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");

    [Fact]
    public async Task The_Server_Under_Test_Is_PostgreSQL()
    {
        await using var connection = new NpgsqlConnection(ServiceEndpoints.PostgresConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW server_version_num", connection);
        var version = int.Parse((string)(await command.ExecuteScalarAsync())!, CultureInfo.InvariantCulture);

        Assert.True(version >= 120000, $"PostgreSQL 12 or later is required, the server is {version}");
    }

    private static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServiceEndpoints.PostgresConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
