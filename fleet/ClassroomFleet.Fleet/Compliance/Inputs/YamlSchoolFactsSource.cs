namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>
/// County facts from YAML files (one county per file, any name ending .yaml) in a folder or a single file. The file is a
/// snapshot: the instant asked for does not select a version. The registry implementation will keep history.
/// </summary>
public sealed class YamlSchoolFactsSource : ISchoolFactsSource
{
    private readonly string _path;

    public YamlSchoolFactsSource(string path) => _path = path;

    public async Task<CountyFacts?> GetCountyAsync(string county, DateTimeOffset asOf, CancellationToken cancellationToken = default)
    {
        foreach (var file in Files())
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            if (!text.Contains(county, StringComparison.Ordinal))
            {
                continue;
            }

            var facts = CountyFactsParser.Parse(text, Path.GetFileName(file));
            if (facts.Code == county)
            {
                return facts;
            }
        }

        return null;
    }

    public async Task<IReadOnlyList<string>> ListCountiesAsync(CancellationToken cancellationToken = default)
    {
        var codes = new List<string>();
        foreach (var file in Files())
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            codes.Add(CountyFactsParser.Parse(text, Path.GetFileName(file)).Code);
        }

        return codes;
    }

    private string[] Files() => File.Exists(_path) ? [_path] : [.. Directory.EnumerateFiles(_path, "*.yaml").Order(StringComparer.Ordinal)];
}
