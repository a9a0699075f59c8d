using System.Collections.Concurrent;

namespace ClassroomFleet.Fleet.Registry;

/// <summary>
/// The county the registry holds for each school, in memory, so that the ingest can check every telemetry topic
/// against it without a database round trip. Loaded from the registry at the ingest's start and kept current by the
/// same rules the registry follows: a school's inventory (its school file) places it, and moves it when the file names
/// another county; otherwise the first county a school is seen under (status or stored telemetry) is the one it keeps.
/// </summary>
public sealed class RegisteredCounties(RegistryDatabase database)
{
    private readonly ConcurrentDictionary<string, string> _countyOfSchool = new(StringComparer.Ordinal);

    public int Count => _countyOfSchool.Count;

    /// <summary>Adds the schools of the registry; what the feed or the ingest recorded meanwhile is newer and kept.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.Command("SELECT code, county FROM schools");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            _countyOfSchool.TryAdd(reader.GetString(0), reader.GetString(1));
        }
    }

    /// <summary>The registered county of <paramref name="school"/>, or null for a school the registry does not know.</summary>
    public string? CountyOf(string school) => _countyOfSchool.TryGetValue(school, out var county) ? county : null;

    /// <summary>Registers a school first seen under <paramref name="county"/>; a school already known keeps its county.</summary>
    public void Seen(string school, string county) => _countyOfSchool.TryAdd(school, county);

    /// <summary>The school's inventory names its county: that is where it belongs from now on.</summary>
    public void Place(string school, string county) => _countyOfSchool[school] = county;
}
