using System.Data.Common;
using System.Globalization;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;

namespace ClassroomFleet.Fleet.Registry;

/// <summary>
/// Writes to the registry. Each call is one transaction: a school's inventory replaces its facts, rooms and device list
/// as a whole or not at all. Callers validate messages first (<see cref="InventoryValidator"/>, <see cref="StatusValidator"/>).
/// </summary>
public sealed class RegistryStore(RegistryDatabase database)
{
    /// <summary>Replaces a school's facts, rooms and school-file device list with those of <paramref name="inventory"/>.</summary>
    public async Task ApplyInventoryAsync(InventoryMessage inventory, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        var seen = receivedAt.ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection.Command(RegistrySql.TouchCounty, transaction).With("@county", inventory.County).With("@seen", seen), cancellationToken).ConfigureAwait(false);

        var facts = connection.Command(RegistrySql.UpsertSchoolFacts, transaction)
            .With("@school", inventory.School).With("@county", inventory.County).With("@name", inventory.Name)
            .With("@category", inventory.Category).With("@urc", inventory.UrbanRuralCode)
            .With("@sha", inventory.SchoolFileSha256).With("@agent", inventory.Agent)
            .With("@time", inventory.Time.ToUnixTimeMilliseconds()).With("@seen", seen);
        AddCount(facts, "classes", inventory.Classes);
        AddCount(facts, "teachers", inventory.Teachers);
        AddCount(facts, "students", inventory.Students);
        await ExecuteAsync(facts, cancellationToken).ConfigureAwait(false);

        await ExecuteAsync(connection.Command(RegistrySql.DeleteRooms, transaction).With("@school", inventory.School), cancellationToken).ConfigureAwait(false);
        foreach (var room in inventory.Rooms)
        {
            await ExecuteAsync(
                connection.Command(RegistrySql.InsertRoom, transaction)
                    .With("@school", inventory.School).With("@id", room.Id).With("@name", room.Name).With("@type", room.Type),
                cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(
            connection.Command(RegistrySql.UnlistDevices, transaction).With("@school", inventory.School).With("@county", inventory.County),
            cancellationToken).ConfigureAwait(false);
        foreach (var device in inventory.Devices)
        {
            await ExecuteAsync(
                connection.Command(RegistrySql.UpsertInventoryDevice, transaction)
                    .With("@school", inventory.School).With("@id", device.Id).With("@county", inventory.County)
                    .With("@kind", device.Kind).With("@room", device.Room),
                cancellationToken).ConfigureAwait(false);
        }

        await RecordHistoryAsync(connection, transaction, inventory, seen, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records an agent's status (birth, periodic, goodbye or last will) for the school of its topic.</summary>
    public async Task ApplyStatusAsync(string county, string school, AgentStatus status, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        var seen = receivedAt.ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection.Command(RegistrySql.TouchCounty, transaction).With("@county", county).With("@seen", seen), cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            connection.Command(RegistrySql.TouchSchool, transaction).With("@school", school).With("@county", county).With("@seen", seen),
            cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(
            connection.Command(RegistrySql.UpsertStatus, transaction)
                .With("@school", school).With("@id", status.Agent).With("@county", county)
                .With("@online", status.Online ? 1 : 0).With("@version", status.Version).With("@config_version", status.ConfigVersion)
                .With("@outbox_depth", status.OutboxDepth).With("@outbox_bytes", status.OutboxBytes)
                .With("@outbox_age", status.OutboxOldestAgeSeconds)
                .With("@status_time", status.Time.ToUnixTimeMilliseconds()).With("@seen", seen),
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records telemetry sightings (already coalesced: one per device) in one transaction.</summary>
    public async Task RecordSeenAsync(IReadOnlyCollection<TelemetrySeen> sightings, CancellationToken cancellationToken = default)
    {
        if (sightings.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var seen in sightings)
        {
            var ms = seen.Time.ToUnixTimeMilliseconds();
            await ExecuteAsync(connection.Command(RegistrySql.TouchCounty, transaction).With("@county", seen.County).With("@seen", ms), cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(
                connection.Command(RegistrySql.TouchSchool, transaction).With("@school", seen.School).With("@county", seen.County).With("@seen", ms),
                cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(
                connection.Command(RegistrySql.UpsertSeenDevice, transaction)
                    .With("@school", seen.School).With("@id", seen.Device).With("@county", seen.County)
                    .With("@kind", seen.Kind).With("@agent", seen.Agent).With("@seen", ms),
                cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(
                connection.Command(RegistrySql.TouchAgent, transaction)
                    .With("@school", seen.School).With("@id", seen.Agent).With("@county", seen.County).With("@seen", ms),
                cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task RecordHistoryAsync(DbConnection connection, DbTransaction transaction, InventoryMessage inventory, long seen, CancellationToken cancellationToken)
    {
        string? latest;
        bool any;
        await using (var query = connection.Command(RegistrySql.LatestHistorySha, transaction).With("@school", inventory.School))
        {
            await using var reader = await query.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            any = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            latest = any ? reader.NullableString(0) : null;
        }

        // One row per school file version; a restart re-publishing the same file adds nothing.
        if (any && inventory.SchoolFileSha256 is not null && string.Equals(latest, inventory.SchoolFileSha256, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var payload = System.Text.Encoding.UTF8.GetString(ContractSerializer.Serialize(inventory, ContractJsonContext.Default.InventoryMessage));
        await ExecuteAsync(
            connection.Command(RegistrySql.InsertHistory, transaction)
                .With("@school", inventory.School).With("@seen", seen).With("@sha", inventory.SchoolFileSha256).With("@payload", payload),
            cancellationToken).ConfigureAwait(false);
    }

    private static void AddCount(DbCommand command, string name, DatedCount? count)
    {
        command.With($"@{name}", count?.Count)
            .With($"@{name}_as_of", count?.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .With($"@{name}_source", count?.Source);
    }

    private static async Task ExecuteAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using (command.ConfigureAwait(false))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
