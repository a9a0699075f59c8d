using ClassroomFleet.Fleet.Compliance.Metrics;

namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>
/// The packs in force, after the checks that span packs: duplicate pack or rule ids, unknown or circular <c>extends</c>,
/// overrides and disables naming a rule the chain does not hold, override parameters and units. A pack failing any of them
/// is rejected with its errors; the other packs are unaffected.
/// </summary>
public sealed class RulePackSet
{
    private readonly Dictionary<string, RulePack> _packs;
    private readonly Dictionary<string, ResolvedPack> _resolved = new(StringComparer.Ordinal);

    private RulePackSet(Dictionary<string, RulePack> packs, IReadOnlyList<PackLoadResult> rejected)
    {
        _packs = packs;
        Rejected = rejected;
    }

    public static RulePackSet Empty { get; } = new(new Dictionary<string, RulePack>(StringComparer.Ordinal), []);

    public IReadOnlyCollection<RulePack> Packs => _packs.Values;

    public IReadOnlyList<PackLoadResult> Rejected { get; }

    public RulePack? Find(string id) => _packs.GetValueOrDefault(id);

    /// <summary>
    /// Checks the packs together. When two files declare the same pack id (or a rule id already defined), the pack already
    /// in force wins: the file named in <paramref name="incumbents"/> for that id, else the file named after the id
    /// (<c>ly15-265.yaml</c>), else the first file by name; the other file is rejected with an error naming both.
    /// </summary>
    /// <param name="results">Every pack file as read.</param>
    /// <param name="incumbents">Pack id → file name of the packs in force before this load (empty at first load).</param>
    public static RulePackSet Build(IEnumerable<PackLoadResult> results, IReadOnlyDictionary<string, string>? incumbents = null)
    {
        var rejected = new List<PackLoadResult>();
        var candidates = new Dictionary<string, RulePack>(StringComparer.Ordinal);
        var ruleOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var result in results.OrderBy(r => Precedence(r, incumbents)).ThenBy(r => r.FileName, StringComparer.Ordinal))
        {
            if (!result.Accepted)
            {
                rejected.Add(result);
                continue;
            }

            var pack = result.Pack!;
            var errors = new List<string>();
            if (candidates.TryGetValue(pack.Id, out var existing))
            {
                errors.Add($"{pack.FileName}: duplicate pack id '{pack.Id}' (already loaded from {existing.FileName}); the pack in force is kept, give this file its own pack id or remove it");
            }

            foreach (var rule in pack.Rules)
            {
                if (ruleOwners.TryGetValue(rule.Id, out var owner))
                {
                    errors.Add($"{pack.FileName} rule {rule.Id}: duplicate rule id (already defined in {owner}); an id is never reused");
                }
            }

            if (errors.Count > 0)
            {
                rejected.Add(result with { Pack = null, Errors = errors });
                continue;
            }

            candidates[pack.Id] = pack;
            foreach (var rule in pack.Rules)
            {
                ruleOwners[rule.Id] = pack.FileName;
            }
        }

        // Layering checks, repeated until stable: rejecting a base pack rejects the packs extending it.
        var set = new RulePackSet(candidates, rejected);
        bool changed;
        do
        {
            changed = false;
            foreach (var pack in candidates.Values.OrderBy(p => p.FileName, StringComparer.Ordinal).ToList())
            {
                set._resolved.Clear();
                var errors = new List<string>();
                set.TryResolve(pack.Id, [], errors);
                if (errors.Count > 0)
                {
                    candidates.Remove(pack.Id);
                    rejected.Add(new PackLoadResult(pack.FileName, null, errors));
                    changed = true;
                }
            }
        }
        while (changed);

        set._resolved.Clear();
        foreach (var id in candidates.Keys)
        {
            set.TryResolve(id, [], []);
        }

        return set;
    }

    /// <summary>0 for the file in force for its pack id, 1 for a file named after its id, 2 for any other.</summary>
    private static int Precedence(PackLoadResult result, IReadOnlyDictionary<string, string>? incumbents)
    {
        if (result.Pack is not { } pack)
        {
            return 2;
        }

        if (incumbents is not null && incumbents.TryGetValue(pack.Id, out var file) && file == result.FileName)
        {
            return 0;
        }

        return result.FileName == pack.Id + ".yaml" ? 1 : 2;
    }

    /// <summary>The pack with its chain layered in, or null when it is not loaded.</summary>
    public ResolvedPack? Resolve(string id) => _resolved.GetValueOrDefault(id);

    /// <summary>
    /// The packs to evaluate for a county: those whose jurisdiction covers it and that are not drafts, leaving out a pack
    /// that another selected pack extends (the extending pack already holds its rules, with the county's overrides).
    /// </summary>
    public IReadOnlyList<ResolvedPack> ForCounty(string county)
    {
        var applicable = _resolved.Values.Where(r => r.Pack.Status != PackStatus.Draft && r.Pack.Covers(county)).ToList();
        var extended = applicable.SelectMany(r => r.Chain.Skip(1)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        return [.. applicable.Where(r => !extended.Contains(r.Pack.Id)).OrderBy(r => r.Pack.Id, StringComparer.Ordinal)];
    }

    private ResolvedPack? TryResolve(string id, List<string> path, List<string> errors)
    {
        if (_resolved.TryGetValue(id, out var done))
        {
            return done;
        }

        if (path.Contains(id))
        {
            errors.Add($"circular extends: {string.Join(" → ", path)} → {id}");
            return null;
        }

        if (!_packs.TryGetValue(id, out var pack))
        {
            errors.Add($"extends unknown or rejected pack '{id}'" + (path.Count > 0 ? $" (from {path[^1]})" : ""));
            return null;
        }

        path.Add(id);
        var inherited = new List<Rule>();
        var chain = new List<RulePack> { pack };
        var disabled = new List<DisabledRule>();
        var exemptions = new List<Exemption>();
        foreach (var baseId in pack.Extends)
        {
            if (TryResolve(baseId, path, errors) is not { } parent)
            {
                path.RemoveAt(path.Count - 1);
                return null;
            }

            inherited.AddRange(parent.Rules);
            chain.AddRange(parent.Chain);
            disabled.AddRange(parent.Disabled);
            exemptions.AddRange(parent.Exemptions);
        }

        path.RemoveAt(path.Count - 1);
        var where = $"{pack.FileName} pack {pack.Id}";
        foreach (var change in pack.Overrides)
        {
            var index = inherited.FindIndex(r => r.Id == change.RuleId);
            if (index < 0)
            {
                errors.Add($"{where}: override of '{change.RuleId}', which no extended pack defines");
                continue;
            }

            if (Apply(inherited[index], change, pack.Id, where, errors) is { } changed)
            {
                inherited[index] = changed;
            }
        }

        foreach (var off in pack.Disabled)
        {
            if (inherited.RemoveAll(r => r.Id == off.RuleId) == 0)
            {
                errors.Add($"{where}: disable of '{off.RuleId}', which no extended pack defines");
            }
            else
            {
                disabled.Add(off);
            }
        }

        var all = inherited.Concat(pack.Rules).ToList();
        foreach (var exemption in pack.Exemptions.Where(x => all.All(r => r.Id != x.RuleId)))
        {
            errors.Add($"{where}: exemption for unknown rule '{exemption.RuleId}'");
        }

        exemptions.AddRange(pack.Exemptions);
        foreach (var rule in all)
        {
            foreach (var child in rule.Metric.ReferencedRules(rule.Parameters))
            {
                var target = all.FirstOrDefault(r => r.Id == child);
                if (target is null)
                {
                    errors.Add($"{where} rule {rule.Id}: {rule.Metric.Id} reads rule '{child}', which this pack and the packs it extends do not hold (or disable)");
                }
                else if (target.Scope.Entity != ScopeEntity.Site)
                {
                    errors.Add($"{where} rule {rule.Id}: {rule.Metric.Id} reads rule '{child}', which is not a site rule");
                }
            }
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var resolved = new ResolvedPack(pack, all, disabled, exemptions, chain);
        _resolved[id] = resolved;
        return resolved;
    }

    private static Rule? Apply(Rule rule, PendingOverride change, string packId, string where, List<string> errors)
    {
        var at = $"{where} override of {rule.Id}";
        var before = errors.Count;
        var parameters = change.Params is null
            ? rule.Parameters
            : ParameterBinder.Bind(change.Params, rule.Parameters.All, rule.Metric.Parameters, $"{at}: params", errors);
        var compare = change.Compare ?? rule.Compare;
        var unit = rule.Metric.UnitFor(parameters);
        if (compare.Unit != unit)
        {
            errors.Add($"{at}: compare.unit: {Units.Explain(compare.Unit, unit) ?? $"unit '{compare.Unit}' does not match metric {rule.Metric.Id}, which is in '{unit}'"}");
        }

        if (errors.Count > before)
        {
            return null;
        }

        var looser = rule.Compare.IsLooserReplacement(compare);
        var what = new List<string>();
        if (change.Compare is not null)
        {
            what.Add($"{rule.Compare.Symbol} {rule.Compare.Threshold} → {compare.Symbol} {compare.Threshold} {compare.Unit}");
        }

        if (change.Params is not null)
        {
            what.Add("params " + string.Join(", ", change.Params.Keys));
        }

        if (change.EffectiveFrom is { } from)
        {
            what.Add($"effective_from {rule.EffectiveFrom:yyyy-MM-dd} → {from:yyyy-MM-dd}");
            looser |= from > rule.EffectiveFrom;
        }

        return rule with
        {
            Parameters = parameters,
            Compare = compare,
            EffectiveFrom = change.EffectiveFrom ?? rule.EffectiveFrom,
            Override = new OverrideNote(packId, change.Reason, change.Source, looser, string.Join("; ", what))
            {
                OriginalCompare = change.Compare is null ? null : rule.Compare,
                OriginalEffectiveFrom = change.EffectiveFrom is null ? null : rule.EffectiveFrom,
                ChangedParameters = change.Params is null ? [] : [.. change.Params.Keys],
            },
        };
    }
}
