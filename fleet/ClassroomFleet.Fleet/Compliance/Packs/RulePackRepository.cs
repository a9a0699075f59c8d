using ClassroomFleet.Fleet.Compliance.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>
/// The rule packs of a folder (*.yaml). Every file is checked; a rejected file is counted and logged and, if an earlier
/// version of it was accepted, that version stays in force, so a bad edit changes nothing else.
/// </summary>
public sealed class RulePackRepository
{
    private readonly string _directory;
    private readonly RulePackLoader _loader;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private Dictionary<string, PackLoadResult> _lastGood = new(StringComparer.Ordinal);
    private long _rejections;

    public RulePackRepository(string directory, MetricCatalogue catalogue, ILogger<RulePackRepository>? logger = null)
    {
        _directory = directory;
        _loader = new RulePackLoader(catalogue);
        _logger = logger ?? NullLogger<RulePackRepository>.Instance;
        Current = RulePackSet.Empty;
    }

    public RulePackSet Current { get; private set; }

    /// <summary>Rejected pack files since start.</summary>
    public long Rejections => Interlocked.Read(ref _rejections);

    /// <summary>The rejections of the last reload, each with every error.</summary>
    public IReadOnlyList<PackLoadResult> LastRejected { get; private set; } = [];

    public RulePackSet Reload()
    {
        lock (_lock)
        {
            var results = Directory.EnumerateFiles(_directory, "*.yaml").Order(StringComparer.Ordinal).Select(_loader.LoadFile).ToList();
            var incumbents = _lastGood.Values.Where(r => r.Pack is not null).ToDictionary(r => r.Pack!.Id, r => r.FileName, StringComparer.Ordinal);

            // First pass: which files fail (on their own or against the others)? Those fall back to their last good version.
            var first = RulePackSet.Build(results, incumbents);
            var failed = first.Rejected.Select(r => r.FileName).ToHashSet(StringComparer.Ordinal);
            var merged = results.Where(r => !failed.Contains(r.FileName)).ToList();
            foreach (var name in failed.Where(_lastGood.ContainsKey))
            {
                _logger.PackKeptPrevious(name);
                merged.Add(_lastGood[name]);
            }

            // Second pass: a newcomer that only passed because the file it clashes with failed is rejected now.
            var set = RulePackSet.Build(merged, incumbents);
            var rejected = first.Rejected.Concat(set.Rejected.Where(r => !failed.Contains(r.FileName))).ToList();
            foreach (var rejection in rejected)
            {
                Interlocked.Increment(ref _rejections);
                _logger.PackRejected(rejection.FileName, rejection.Errors.Count, string.Join(" | ", rejection.Errors));
            }

            _lastGood = set.Packs.ToDictionary(p => p.FileName, p => merged.First(r => r.FileName == p.FileName && r.Pack?.Hash == p.Hash), StringComparer.Ordinal);
            LastRejected = rejected;
            Current = set;
            _logger.PacksLoaded(set.Packs.Count, rejected.Count, _directory);
            return set;
        }
    }
}
