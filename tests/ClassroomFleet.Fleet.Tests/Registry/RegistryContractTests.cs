using System.Data.Common;
using ClassroomFleet.Fleet.Registry;
using ClassroomFleet.Fleet.Registry.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Fleet.Tests.Registry;

/// <summary>The registry's behaviour, run against every provider (SQLite here, PostgreSQL where a server is available).</summary>
public abstract class RegistryContractTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);

    private RegistryDatabase _database = null!;

    protected RegistryStore Store { get; private set; } = null!;

    protected RegistryQueries Queries { get; private set; } = null!;

    /// <summary>An empty database of the provider under test (not yet migrated).</summary>
    protected abstract Task<RegistryDatabase> CreateEmptyDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync()
    {
        _database = await CreateEmptyDatabaseAsync();
        Store = new RegistryStore(_database);
        Queries = new RegistryQueries(_database);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await DropDatabaseAsync();
    }

    [Fact]
    public async Task Migrations_Applied_Twice_Apply_Nothing_The_Second_Time()
    {
        var runner = new MigrationRunner(_database, MigrationScripts.All, TimeProvider.System);

        var first = await runner.ApplyAsync();
        var second = await runner.ApplyAsync();

        Assert.Equal(MigrationScripts.All.Select(m => m.Version), first);
        Assert.Empty(second);
        Assert.Equal(MigrationScripts.All.Count, await CountAsync("SELECT COUNT(*) FROM schema_migrations"));
        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM schools"));
    }

    [Fact]
    public async Task A_Failing_Script_Leaves_No_Trace_Of_The_Scripts_Before_It_In_The_Same_Run()
    {
        var broken = MigrationScripts.All.Append(new Migration(999, "0999_broken", "CREATE TABLE broken_one (id INTEGER); THIS IS NOT SQL;")).ToList();
        var runner = new MigrationRunner(_database, broken, TimeProvider.System);

        await Assert.ThrowsAnyAsync<DbException>(() => runner.ApplyAsync());

        Assert.Equal(0, await CountAsync("SELECT COUNT(*) FROM schema_migrations"));
        await Assert.ThrowsAnyAsync<DbException>(() => CountAsync("SELECT COUNT(*) FROM schools"));
    }

    [Fact]
    public async Task A_Recorded_Migration_Whose_Name_Changed_Stops_The_Start()
    {
        await new MigrationRunner(_database, MigrationScripts.All, TimeProvider.System).ApplyAsync();
        var renamed = MigrationScripts.All.Select(m => m.Version == 1 ? m with { Name = "0001_something_else" } : m).ToList();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new MigrationRunner(_database, renamed, TimeProvider.System).ApplyAsync());

        Assert.Contains("0001_something_else", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inventory_Sets_School_Facts_Rooms_And_Devices()
    {
        await MigrateAsync();
        var county = RegistryTestData.NewCounty();
        var school = RegistryTestData.NewSchool(county);

        await Store.ApplyInventoryAsync(RegistryTestData.Inventory(county, school), T0);

        var record = await Queries.GetSchoolAsync(school);
        Assert.NotNull(record);
        Assert.Equal(county, record.County);
        Assert.Equal("第一中学 " + school, record.Name);
        Assert.Equal("rural", record.Category);
        Assert.Equal("220", record.UrbanRuralCode);
        Assert.Equal(12, record.Classes?.Count);
        Assert.Equal(new DateOnly(2026, 9, 1), record.Classes?.AsOf);
        Assert.Equal("教育事业统计", record.Classes?.Source);
        Assert.Null(record.Teachers?.Source);
        Assert.Equal(540, record.Students?.Count);
        Assert.Equal(["net", "r101"], record.Rooms.Select(r => r.Id));
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero), record.InventoryTime);
        var devices = await Queries.ListDevicesAsync(school);
        Assert.Equal(["panel-101", "sw-core-1"], devices.Select(d => d.Id).Order(StringComparer.Ordinal));
        Assert.All(devices, d => Assert.True(d.InInventory));
        Assert.All(devices, d => Assert.Null(d.LastSeen));
        Assert.Equal([county], (await Queries.ListCountiesAsync()).Select(c => c.Code));
    }

    [Fact]
    public async Task A_New_School_File_Replaces_Rooms_And_Unlists_Removed_Devices_But_Keeps_Their_History()
    {
        await MigrateAsync();
        var county = RegistryTestData.NewCounty();
        var school = RegistryTestData.NewSchool(county);
        await Store.ApplyInventoryAsync(RegistryTestData.Inventory(county, school, new string('a', 64), "panel-1", "panel-2"), T0);
        await Store.RecordSeenAsync([new TelemetrySeen(county, school, "panel-2", "panel", "gw-" + school, T0.AddMinutes(1))]);

        var second = RegistryTestData.Inventory(county, school, new string('b', 64), "panel-1") with { Name = "改名后的学校", Rooms = [new("r101", "一年级一班", "classroom")] };
        await Store.ApplyInventoryAsync(second, T0.AddHours(1));

        var record = await Queries.GetSchoolAsync(school);
        Assert.Equal("改名后的学校", record!.Name);
        Assert.Equal(["r101"], record.Rooms.Select(r => r.Id));
        var devices = (await Queries.ListDevicesAsync(school)).ToDictionary(d => d.Id);
        Assert.True(devices["panel-1"].InInventory);
        Assert.False(devices["panel-2"].InInventory);
        Assert.Equal(T0.AddMinutes(1), devices["panel-2"].LastSeen);
        Assert.Equal(["panel-1", "panel-2"], (await Queries.GetInventoryAsOfAsync(school, T0.AddMinutes(30)))!.Devices.Select(d => d.Id));
        Assert.Equal("改名后的学校", (await Queries.GetInventoryAsOfAsync(school, T0.AddHours(2)))!.Name);
        Assert.Null(await Queries.GetInventoryAsOfAsync(school, T0.AddSeconds(-1)));
    }

    [Fact]
    public async Task The_Same_School_File_Published_Again_Adds_No_History()
    {
        await MigrateAsync();
        var county = RegistryTestData.NewCounty();
        var school = RegistryTestData.NewSchool(county);

        await Store.ApplyInventoryAsync(RegistryTestData.Inventory(county, school), T0);
        await Store.ApplyInventoryAsync(RegistryTestData.Inventory(county, school), T0.AddMinutes(5));

        Assert.Equal(1, await CountAsync("SELECT COUNT(*) FROM inventory_history"));
    }

    [Fact]
    public async Task Status_Birth_Then_Last_Will_Marks_The_Agent_Offline_And_Keeps_When_It_Was_Last_Heard()
    {
        await MigrateAsync();
        var county = RegistryTestData.NewCounty();
        var school = RegistryTestData.NewSchool(county);

        await Store.ApplyStatusAsync(county, school, RegistryTestData.Status(school, online: true, outboxDepth: 42), T0);
        await Store.ApplyStatusAsync(county, school, RegistryTestData.Status(school, online: false, outboxDepth: null) with { Version = null }, T0.AddMinutes(10));

        var agent = Assert.Single(await Queries.ListAgentsOfSchoolAsync(school));
        Assert.False(agent.Online);
        Assert.Equal("1.4.2", agent.Version);
        Assert.Equal(7, agent.ConfigVersion);
        Assert.Null(agent.OutboxDepth);
        Assert.Equal(T0, agent.LastSeen);
        var summary = Assert.Single(await Queries.ListSchoolsAsync(county));
        Assert.Equal(0, summary.AgentsOnline);
        Assert.Null(summary.Name);
    }

    [Fact]
    public async Task Sightings_Add_Unlisted_Devices_Keep_The_School_Files_Kind_And_Only_Move_Last_Seen_Forward()
    {
        await MigrateAsync();
        var county = RegistryTestData.NewCounty();
        var school = RegistryTestData.NewSchool(county);
        await Store.ApplyInventoryAsync(RegistryTestData.Inventory(county, school), T0);

        await Store.RecordSeenAsync([
            new TelemetrySeen(county, school, "sw-core-1", "snmp-switch", "gw-" + school, T0.AddMinutes(2)),
            new TelemetrySeen(county, school, "probe-9", "uplink", "gw-" + school, T0.AddMinutes(2)),
        ]);
        await Store.RecordSeenAsync([new TelemetrySeen(county, school, "sw-core-1", "switch", "gw-" + school, T0.AddMinutes(1))]);

        var devices = (await Queries.ListDevicesAsync(school)).ToDictionary(d => d.Id);
        Assert.Equal("switch", devices["sw-core-1"].Kind);
        Assert.Equal(T0.AddMinutes(2), devices["sw-core-1"].LastSeen);
        Assert.False(devices["probe-9"].InInventory);
        Assert.Equal("uplink", devices["probe-9"].Kind);
        var agent = Assert.Single(await Queries.ListAgentsOfCountyAsync(county));
        Assert.Null(agent.Online);
        Assert.Equal(T0.AddMinutes(2), agent.LastSeen);
    }

    [Fact]
    public async Task The_Writer_Coalesces_Sightings_Per_Device_And_Writes_Them_On_Flush()
    {
        await MigrateAsync();
        var county = RegistryTestData.NewCounty();
        var school = RegistryTestData.NewSchool(county);
        using var metrics = new RegistryMetrics();
        using var writer = new CoalescingRegistryWriter(Store, metrics, Options.Create(new RegistryOptions { MaxPendingSeen = 2 }), TimeProvider.System, NullLogger<CoalescingRegistryWriter>.Instance);

        for (var i = 0; i < 100; i++)
        {
            await writer.RecordTelemetrySeenAsync(county, school, "sw-1", "switch", "gw", T0.AddSeconds(i));
        }

        await writer.RecordTelemetrySeenAsync(county, school, "sw-1", "switch", "gw", T0.AddSeconds(-5));
        await writer.RecordTelemetrySeenAsync(county, school, "sw-2", "switch", "gw", T0);
        await writer.RecordTelemetrySeenAsync(county, school, "sw-3", "switch", "gw", T0);

        Assert.Equal(2, writer.PendingCount);
        Assert.Equal(1, metrics.SightingsDropped);
        Assert.Empty(await Queries.ListDevicesAsync(school));

        await writer.FlushAsync();

        Assert.Equal(0, writer.PendingCount);
        Assert.Equal(2, metrics.SightingsFlushed);
        var devices = (await Queries.ListDevicesAsync(school)).ToDictionary(d => d.Id);
        Assert.Equal(T0.AddSeconds(99), devices["sw-1"].LastSeen);
        Assert.Equal(["sw-1", "sw-2"], devices.Keys.Order(StringComparer.Ordinal));
    }

    protected async Task MigrateAsync() => await new MigrationRunner(_database, MigrationScripts.All, TimeProvider.System).ApplyAsync();

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = await _database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
