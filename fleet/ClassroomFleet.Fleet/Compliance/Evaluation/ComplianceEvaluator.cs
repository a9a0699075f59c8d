using ClassroomFleet.Fleet.Compliance.Calendar;
using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Fleet.Compliance.Metrics;
using ClassroomFleet.Fleet.Compliance.Packs;

namespace ClassroomFleet.Fleet.Compliance.Evaluation;

/// <summary>
/// Evaluates packs for a county: a pure function of (facts, packs, telemetry, calendar, instant). Telemetry counts by its
/// sample time, so re-running a past instant after late (spooled) data arrived gives the corrected verdict.
/// </summary>
public static class ComplianceEvaluator
{
    /// <summary>The earliest instant any rule's window reaches back to, so telemetry can be fetched once.</summary>
    public static DateTimeOffset EarliestWindowStart(IEnumerable<ResolvedPack> packs, SchoolCalendar calendar, DateTimeOffset at)
    {
        var earliest = at;
        foreach (var rule in packs.SelectMany(p => p.Rules))
        {
            if (rule.Window is { } spec && calendar.LastSchoolDays(ChinaTime.DateOf(at), spec.SchoolDays) is { Count: > 0 } days)
            {
                var start = ChinaTime.StartOf(days[0]);
                earliest = start < earliest ? start : earliest;
            }
        }

        return earliest;
    }

    public static CountyEvaluation Evaluate(CountyFacts county, IReadOnlyList<ResolvedPack> packs, MeasurementSet measurements, SchoolCalendar calendar, DateTimeOffset at)
    {
        var shared = county.Sites
            .Where(s => s.Kind == SiteKind.TeachingPoint && s.SharedUplink && s.ParentSchool is not null)
            .GroupBy(s => s.ParentSchool!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SiteFacts>)[.. g], StringComparer.Ordinal);
        var results = new List<RuleResult>(county.Sites.Count * 12);
        var aggregates = new List<RuleAggregate>();
        var children = new ChildResultCounts();
        var windows = new Dictionary<WindowSpec, EvaluationWindow?>();
        var countyRules = new List<(ResolvedPack Pack, Rule Rule)>();
        foreach (var pack in packs)
        {
            foreach (var rule in pack.Rules)
            {
                if (rule.Scope.Entity == ScopeEntity.County)
                {
                    countyRules.Add((pack, rule));
                    continue;
                }

                var window = WindowFor(rule, calendar, at, windows);
                int pass = 0, fail = 0, unknown = 0, na = 0, due = 0, exempt = 0;
                foreach (var site in county.Sites)
                {
                    var context = new MetricContext
                    {
                        County = county,
                        Site = site,
                        Measurements = measurements.For(site.TelemetrySchoolOrId),
                        Window = window,
                        At = at,
                        RegistryMaxAge = pack.Pack.RegistryMaxAge,
                        SharedTeachingPoints = shared,
                    };
                    var result = EvaluateRule(county, pack, rule, context, site.Id, site.Name, window);
                    results.Add(result);
                    children.Add(result);
                    switch (result.State)
                    {
                        case ComplianceState.Pass: pass++; break;
                        case ComplianceState.Fail: fail++; break;
                        case ComplianceState.Unknown: unknown++; break;
                        case ComplianceState.NotApplicable: na++; break;
                        case ComplianceState.NotYetDue: due++; break;
                        default: exempt++; break;
                    }
                }

                aggregates.Add(new RuleAggregate(rule, pack.Pack, pass, fail, unknown, na, due, exempt));
            }
        }

        foreach (var (pack, rule) in countyRules)
        {
            var context = new MetricContext
            {
                County = county,
                Measurements = SiteMeasurements.Empty,
                Window = null,
                At = at,
                RegistryMaxAge = pack.Pack.RegistryMaxAge,
                SharedTeachingPoints = shared,
                Children = children,
            };
            results.Add(EvaluateRule(county, pack, rule, context, county.Code, county.Name, null));
        }

        return new CountyEvaluation(county, at, packs, results, aggregates, calendar.Id);
    }

    private static RuleResult EvaluateRule(CountyFacts county, ResolvedPack pack, Rule rule, MetricContext context, string siteId, string siteName, EvaluationWindow? window)
    {
        var result = new RuleResult
        {
            County = county.Code,
            Site = siteId,
            SiteName = siteName,
            Rule = rule,
            Pack = pack.Pack,
            State = ComplianceState.NotApplicable,
            Method = rule.Metric.Id,
            Window = rule.Window is null ? null : window?.ToString() ?? "(not covered by the calendar)",
            At = context.At,
        };
        if (context.Site is { } site && !ScopeMatcher.Matches(rule.Scope, site))
        {
            return result with { Reason = Reason.OutOfScope() };
        }

        var outcome = rule.Metric.Evaluate(context, rule.Parameters);
        var state = outcome.Kind switch
        {
            OutcomeKind.Unknown => ComplianceState.Unknown,
            OutcomeKind.NotApplicable => ComplianceState.NotApplicable,
            _ => Verdict(rule.Compare, outcome.Value!.Value, outcome.Upper),
        };
        var reason = outcome.Reason;
        if (state == ComplianceState.Unknown && reason is null)
        {
            reason = new Reason("BOUNDS_STRADDLE_THRESHOLD", $"BOUNDS({outcome.Value!.Value.Display(1)}%..{outcome.Upper!.Value.Display(1)}%)");
        }

        result = result with
        {
            State = state,
            Value = outcome.Value,
            Upper = outcome.Upper,
            Reason = reason,
            Method = $"{rule.Metric.Id}: {outcome.Method}",
            SamplesUsed = outcome.SamplesUsed,
            SamplesRequired = outcome.SamplesRequired,
            Inputs = outcome.Inputs,
            DataQuality = outcome.DataQuality,
        };
        if (state == ComplianceState.NotApplicable)
        {
            return result;
        }

        if (context.At < ChinaTime.EndOf(rule.EffectiveFrom))
        {
            result = result with { State = ComplianceState.NotYetDue, Underlying = state };
        }

        var today = ChinaTime.DateOf(context.At);
        if (pack.Exemptions.FirstOrDefault(x => x.RuleId == rule.Id && x.Site == siteId && x.Expires >= today) is { } exemption)
        {
            result = result with { State = ComplianceState.Exempt, Underlying = result.Underlying ?? state, Exemption = exemption };
        }

        return result;
    }

    private static ComplianceState Verdict(Comparison compare, ExactRatio lower, ExactRatio? upper)
    {
        var lowPasses = compare.IsSatisfiedBy(lower);
        if (upper is not { } high)
        {
            return lowPasses ? ComplianceState.Pass : ComplianceState.Fail;
        }

        var highPasses = compare.IsSatisfiedBy(high);
        return lowPasses && highPasses ? ComplianceState.Pass : !lowPasses && !highPasses ? ComplianceState.Fail : ComplianceState.Unknown;
    }

    private static EvaluationWindow? WindowFor(Rule rule, SchoolCalendar calendar, DateTimeOffset at, Dictionary<WindowSpec, EvaluationWindow?> cache)
    {
        var spec = rule.Window ?? WindowSpec.Default;
        if (!cache.TryGetValue(spec, out var window))
        {
            window = calendar.LastSchoolDays(ChinaTime.DateOf(at), spec.SchoolDays) is { } days ? new EvaluationWindow(days, spec.Hours, at) : null;
            cache[spec] = window;
        }

        return window;
    }
}
