using ClassroomFleet.Fleet.Registry.Migrations;

namespace ClassroomFleet.Fleet.Registry;

/// <summary>Applies the registry's schema migrations at start, before the feed and the API use it; a failure stops the start.</summary>
public sealed class RegistryMigrationService(RegistryDatabase database, TimeProvider time, ILogger<RegistryMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var applied = await new MigrationRunner(database, MigrationScripts.All, time).ApplyAsync(cancellationToken).ConfigureAwait(false);
        var list = string.Join(", ", applied);
        logger.MigrationsApplied(database.Provider, list);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
