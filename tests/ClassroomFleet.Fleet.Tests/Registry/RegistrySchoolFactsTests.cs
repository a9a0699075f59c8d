using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Fleet.Registry;
using ClassroomFleet.Fleet.Registry.Migrations;

namespace ClassroomFleet.Fleet.Tests.Registry;

public sealed class RegistrySchoolFactsTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 21, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("cf-registry-facts-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Facts_Are_The_School_Files_In_Force_At_The_Instant_Asked_For()
    {
        await using var database = new RegistryDatabase(RegistryProvider.Sqlite, $"Data Source={Path.Combine(_folder, "r.db")};Pooling=False");
        await new MigrationRunner(database, MigrationScripts.All, TimeProvider.System).ApplyAsync();
        var store = new RegistryStore(database);
        var facts = new RegistrySchoolFacts(new RegistryQueries(database), "cn-henan-2025-2026");
        var county = RegistryTestData.NewCounty();
        var school = RegistryTestData.NewSchool(county);
        var point = RegistryTestData.NewSchool(county);
        await store.ApplyInventoryAsync(RegistryTestData.Inventory(county, school, new string('a', 64), "panel-1", "panel-2"), T0);
        await store.ApplyInventoryAsync(RegistryTestData.Inventory(county, point) with { Category = "teaching_point" }, T0);
        await store.ApplyInventoryAsync(RegistryTestData.Inventory(county, school, new string('b', 64), "panel-1") with { Students = null }, T0.AddDays(1));

        var before = await facts.GetCountyAsync(county, T0.AddHours(1));
        var after = await facts.GetCountyAsync(county, T0.AddDays(2));

        Assert.Equal("cn-henan-2025-2026", before!.CalendarId);
        var early = before.Sites.Single(s => s.Id == school);
        Assert.Equal(["panel-1", "panel-2"], early.Devices.Select(d => d.Id));
        Assert.Equal(540, early.Students?.Value);
        Assert.Equal("学籍系统", early.Students?.Source);
        Assert.Equal("school file", early.Teachers?.Source);
        Assert.Equal(SiteKind.TeachingPoint, before.Sites.Single(s => s.Id == point).Kind);
        var late = after!.Sites.Single(s => s.Id == school);
        Assert.Equal(["panel-1"], late.Devices.Select(d => d.Id));
        Assert.Null(late.Students);
        Assert.Null(await facts.GetCountyAsync("000000", T0));
        Assert.Contains(county, await facts.ListCountiesAsync());
    }
}
