using ClassroomFleet.Fleet.Registry;
using ClassroomFleet.Fleet.Registry.Migrations;

namespace ClassroomFleet.Fleet.Tests.Registry;

/// <summary>The ingest's in-memory county of each school follows the registry's rules, also across a restart.</summary>
public sealed class RegisteredCountiesTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("cf-registered-counties-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task After_A_Restart_A_School_Has_The_County_Of_Its_Inventory_And_A_Status_Under_Another_County_Does_Not_Move_It()
    {
        await using var database = new RegistryDatabase(RegistryProvider.Sqlite, $"Data Source={Path.Combine(_folder, "r.db")};Pooling=False");
        await new MigrationRunner(database, MigrationScripts.All, TimeProvider.System).ApplyAsync();
        var store = new RegistryStore(database);
        var county = RegistryTestData.NewCounty();
        var school = RegistryTestData.NewSchool(county);
        var seenOnly = RegistryTestData.NewSchool(county);
        await store.ApplyInventoryAsync(RegistryTestData.Inventory(county, school), T0);
        await store.ApplyStatusAsync("999999", school, RegistryTestData.Status(school, online: true), T0.AddMinutes(1));
        await store.ApplyStatusAsync(county, seenOnly, RegistryTestData.Status(seenOnly, online: true), T0);

        var counties = new RegisteredCounties(database);
        await counties.LoadAsync();

        Assert.Equal(county, counties.CountyOf(school));
        Assert.Equal(county, counties.CountyOf(seenOnly));
        Assert.Null(counties.CountyOf(RegistryTestData.NewSchool(county)));
    }

    [Fact]
    public async Task Sightings_Keep_The_First_County_And_An_Inventory_Moves_The_School_Even_If_Loaded_Later()
    {
        await using var database = new RegistryDatabase(RegistryProvider.Sqlite, $"Data Source={Path.Combine(_folder, "r.db")};Pooling=False");
        await new MigrationRunner(database, MigrationScripts.All, TimeProvider.System).ApplyAsync();
        var store = new RegistryStore(database);
        await store.ApplyInventoryAsync(RegistryTestData.Inventory("410323", "4141032301"), T0);
        var counties = new RegisteredCounties(database);

        counties.Seen("4141032309", "410323");
        counties.Seen("4141032309", "999999");
        counties.Place("4141032301", "410324");
        await counties.LoadAsync();

        Assert.Equal("410323", counties.CountyOf("4141032309"));
        Assert.Equal("410324", counties.CountyOf("4141032301"));
    }
}
