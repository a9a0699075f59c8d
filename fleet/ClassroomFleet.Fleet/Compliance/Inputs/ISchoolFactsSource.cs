namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>
/// The registry facts the compliance engine needs. The YAML file source serves tests, the demo and the command line;
/// the fleet registry implements it later.
/// </summary>
public interface ISchoolFactsSource
{
    /// <summary>The county as the registry knew it at <paramref name="asOf"/>, or null when the county is unknown.</summary>
    Task<CountyFacts?> GetCountyAsync(string county, DateTimeOffset asOf, CancellationToken cancellationToken = default);

    /// <summary>The codes of every county this source knows, for the scheduled evaluation.</summary>
    Task<IReadOnlyList<string>> ListCountiesAsync(CancellationToken cancellationToken = default);
}
