using System.Data.Common;
using System.Globalization;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;

namespace ClassroomFleet.Fleet.Registry;

/// <summary>Reads the registry for the API, the web view and the compliance facts.</summary>
public sealed class RegistryQueries(RegistryDatabase database)
{
    private const string SchoolColumns = """
        code, county, name, category, urban_rural_code,
        classes, classes_as_of, classes_source, teachers, teachers_as_of, teachers_source, students, students_as_of, students_source,
        school_file_sha256, inventory_agent, inventory_time_ms, first_seen_ms, last_seen_ms
        """;

    private const string AgentColumns = """
        school, id, county, online, version, config_version, outbox_depth, outbox_bytes, outbox_oldest_age_s, status_time_ms, last_seen_ms
        """;

    public async Task<IReadOnlyList<CountyRecord>> ListCountiesAsync(CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT c.code, (SELECT COUNT(*) FROM schools s WHERE s.county = c.code), c.first_seen_ms, c.last_seen_ms
            FROM counties c ORDER BY c.code
            """;
        return await ReadAsync(sql, null, r => new CountyRecord(
            r.GetString(0), (int)r.Int64(1), Instant(r.Int64(2)), Instant(r.Int64(3))), cancellationToken).ConfigureAwait(false);
    }

    public async Task<CountyRecord?> GetCountyAsync(string county, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT c.code, (SELECT COUNT(*) FROM schools s WHERE s.county = c.code), c.first_seen_ms, c.last_seen_ms
            FROM counties c WHERE c.code = @county
            """;
        var rows = await ReadAsync(sql, c => c.With("@county", county), r => new CountyRecord(
            r.GetString(0), (int)r.Int64(1), Instant(r.Int64(2)), Instant(r.Int64(3))), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<SchoolSummary>> ListSchoolsAsync(string county, CancellationToken cancellationToken = default)
    {
        const string sql = """
            SELECT s.code, s.county, s.name, s.category,
                (SELECT COUNT(*) FROM devices d WHERE d.school = s.code),
                (SELECT COUNT(*) FROM agents a WHERE a.school = s.code AND a.online = 1),
                s.last_seen_ms
            FROM schools s WHERE s.county = @county ORDER BY s.code
            """;
        return await ReadAsync(sql, c => c.With("@county", county), r => new SchoolSummary(
            r.GetString(0), r.GetString(1), r.NullableString(2), r.NullableString(3), (int)r.Int64(4), (int)r.Int64(5), Instant(r.Int64(6))),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<SchoolRecord?> GetSchoolAsync(string school, CancellationToken cancellationToken = default)
    {
        var rows = await ReadAsync($"SELECT {SchoolColumns} FROM schools WHERE code = @school", c => c.With("@school", school), ReadSchool, cancellationToken)
            .ConfigureAwait(false);
        if (rows.Count == 0)
        {
            return null;
        }

        var rooms = await ReadAsync(
            "SELECT id, name, type FROM rooms WHERE school = @school ORDER BY id",
            c => c.With("@school", school),
            r => new RoomRecord(r.GetString(0), r.GetString(1), r.GetString(2)),
            cancellationToken).ConfigureAwait(false);
        return rows[0] with { Rooms = rooms };
    }

    public async Task<IReadOnlyList<DeviceRecord>> ListDevicesAsync(string school, CancellationToken cancellationToken = default) =>
        await ReadAsync(
            "SELECT school, id, kind, room, in_inventory, last_agent, first_seen_ms, last_seen_ms FROM devices WHERE school = @school ORDER BY room, id",
            c => c.With("@school", school), ReadDevice, cancellationToken).ConfigureAwait(false);

    public async Task<DeviceRecord?> GetDeviceAsync(string school, string device, CancellationToken cancellationToken = default)
    {
        var rows = await ReadAsync(
            "SELECT school, id, kind, room, in_inventory, last_agent, first_seen_ms, last_seen_ms FROM devices WHERE school = @school AND id = @id",
            c => c.With("@school", school).With("@id", device), ReadDevice, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<AgentRecord>> ListAgentsOfSchoolAsync(string school, CancellationToken cancellationToken = default) =>
        await ReadAsync($"SELECT {AgentColumns} FROM agents WHERE school = @school ORDER BY id", c => c.With("@school", school), ReadAgent, cancellationToken)
            .ConfigureAwait(false);

    public async Task<IReadOnlyList<AgentRecord>> ListAgentsOfCountyAsync(string county, CancellationToken cancellationToken = default) =>
        await ReadAsync($"SELECT {AgentColumns} FROM agents WHERE county = @county ORDER BY school, id", c => c.With("@county", county), ReadAgent, cancellationToken)
            .ConfigureAwait(false);

    /// <summary>The inventory message in force for <paramref name="school"/> at <paramref name="asOf"/> (by arrival), or null.</summary>
    public async Task<InventoryMessage?> GetInventoryAsOfAsync(string school, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        var rows = await ReadAsync(
            "SELECT payload FROM inventory_history WHERE school = @school AND received_ms <= @as_of ORDER BY received_ms DESC LIMIT 1",
            c => c.With("@school", school).With("@as_of", asOf.ToUnixTimeMilliseconds()),
            r => r.GetString(0), cancellationToken).ConfigureAwait(false);
        return rows.Count == 0
            ? null
            : System.Text.Json.JsonSerializer.Deserialize(rows[0], ContractJsonContext.Default.InventoryMessage);
    }

    /// <summary>The schools of <paramref name="county"/> for which an inventory has arrived.</summary>
    public async Task<IReadOnlyList<string>> ListInventoriedSchoolsAsync(string county, CancellationToken cancellationToken = default) =>
        await ReadAsync(
            "SELECT code FROM schools WHERE county = @county AND inventory_time_ms IS NOT NULL ORDER BY code",
            c => c.With("@county", county), r => r.GetString(0), cancellationToken).ConfigureAwait(false);

    private async Task<List<T>> ReadAsync<T>(string sql, Action<DbCommand>? bind, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command(sql);
        bind?.Invoke(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    private static SchoolRecord ReadSchool(DbDataReader r) => new()
    {
        Code = r.GetString(0),
        County = r.GetString(1),
        Name = r.NullableString(2),
        Category = r.NullableString(3),
        UrbanRuralCode = r.NullableString(4),
        Classes = Count(r, 5),
        Teachers = Count(r, 8),
        Students = Count(r, 11),
        SchoolFileSha256 = r.NullableString(14),
        InventoryAgent = r.NullableString(15),
        InventoryTime = r.NullableInstant(16),
        FirstSeen = Instant(r.Int64(17)),
        LastSeen = Instant(r.Int64(18)),
    };

    private static DeviceRecord ReadDevice(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.NullableString(2), r.NullableString(3), r.Int64(4) != 0, r.NullableString(5),
        r.NullableInstant(6), r.NullableInstant(7));

    private static AgentRecord ReadAgent(DbDataReader r) => new()
    {
        School = r.GetString(0),
        Id = r.GetString(1),
        County = r.GetString(2),
        Online = r.NullableFlag(3),
        Version = r.NullableString(4),
        ConfigVersion = r.NullableInt64(5),
        OutboxDepth = r.NullableInt64(6),
        OutboxBytes = r.NullableInt64(7),
        OutboxOldestAgeSeconds = r.NullableDouble(8),
        StatusTime = r.NullableInstant(9),
        LastSeen = Instant(r.Int64(10)),
    };

    private static DatedCount? Count(DbDataReader r, int ordinal) =>
        r.NullableInt64(ordinal) is { } count && r.NullableString(ordinal + 1) is { } asOf
            ? new DatedCount((int)count, DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.NullableString(ordinal + 2))
            : null;

    private static DateTimeOffset Instant(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
