using ClassroomFleet.Fleet.Registry;

namespace ClassroomFleet.Fleet.Tests.Registry;

/// <summary>The registry contract on the embedded SQLite provider (a file per test).</summary>
public sealed class SqliteRegistryTests : RegistryContractTests
{
    private string _folder = "";

    protected override Task<RegistryDatabase> CreateEmptyDatabaseAsync()
    {
        _folder = Directory.CreateTempSubdirectory("cf-registry-").FullName;
        return Task.FromResult(new RegistryDatabase(RegistryProvider.Sqlite, $"Data Source={Path.Combine(_folder, "registry.db")};Pooling=False"));
    }

    protected override Task DropDatabaseAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}
