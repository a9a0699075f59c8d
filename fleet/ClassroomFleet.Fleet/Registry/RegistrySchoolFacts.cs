using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Fleet.Compliance.Inputs;

namespace ClassroomFleet.Fleet.Registry;

/// <summary>
/// The compliance engine's school facts from the registry: each school of the county as its inventory (school file)
/// stood at the instant asked for. The registry knows no county name, calendar or contracted uplinks (the school file
/// does not carry them): the county name is its code, the calendar is the one given here, and uplinks are empty.
/// </summary>
public sealed class RegistrySchoolFacts(RegistryQueries registry, string calendarId) : ISchoolFactsSource
{
    private const string SourceFallback = "school file";

    public async Task<CountyFacts?> GetCountyAsync(string county, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        if (await registry.GetCountyAsync(county, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        var sites = new List<SiteFacts>();
        foreach (var school in await registry.ListInventoriedSchoolsAsync(county, cancellationToken).ConfigureAwait(false))
        {
            if (await registry.GetInventoryAsOfAsync(school, asOf, cancellationToken).ConfigureAwait(false) is { } inventory
                && string.Equals(inventory.County, county, StringComparison.Ordinal))
            {
                sites.Add(ToSite(inventory));
            }
        }

        return new CountyFacts(county, county, calendarId, sites);
    }

    public async Task<IReadOnlyList<string>> ListCountiesAsync(CancellationToken cancellationToken = default) =>
        [.. (await registry.ListCountiesAsync(cancellationToken).ConfigureAwait(false)).Select(c => c.Code)];

    public static SiteFacts ToSite(InventoryMessage inventory) => new()
    {
        Id = inventory.School,
        Name = inventory.Name,
        Kind = inventory.Category == "teaching_point" ? SiteKind.TeachingPoint : SiteKind.School,
        UrbanRuralCode = inventory.UrbanRuralCode,
        Classes = Count(inventory.Classes),
        Teachers = Count(inventory.Teachers),
        Students = Count(inventory.Students),
        Rooms = [.. inventory.Rooms.Select(r => new RoomFacts(r.Id, r.Type))],
        Devices = [.. inventory.Devices.Select(d => new DeviceFacts(d.Id, d.Kind, d.Room))],
    };

    private static RegistryCount? Count(DatedCount? count) =>
        count is null ? null : new RegistryCount(count.Count, count.AsOf, count.Source ?? SourceFallback);
}
