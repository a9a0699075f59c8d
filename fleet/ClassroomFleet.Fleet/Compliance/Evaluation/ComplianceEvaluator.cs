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
            if (rule.Window is { } spec && calendar.LastSchoolDays(ChinaTime.DateOf(at), spec.SchoolDays, spec.SkipExamDays) is { Count: > 0 } days)
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
                var owner = Owner(pack, rule);
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
                        RegistryMaxAge = owner.RegistryMaxAge,
                        SharedTeachingPoints = shared,
                    };
                    var result = EvaluateRule(county, pack, owner, rule, context, measurements.Available, site.Id, site.Name, window);
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

                aggregates.Add(new RuleAggregate(rule, owner, pass, fail, unknown, na, due, exempt));
            }
        }

        foreach (var (pack, rule) in countyRules)
        {
            var owner = Owner(pack, rule);
            var context = new MetricContext
            {
                County = county,
                Measurements = SiteMeasurements.Empty,
                Window = null,
                At = at,
                RegistryMaxAge = owner.RegistryMaxAge,
                SharedTeachingPoints = shared,
                Children = children,
            };
            results.Add(EvaluateRule(county, pack, owner, rule, context, measurements.Available, county.Code, county.Name, null));
        }

        return new CountyEvaluation(county, at, packs, results, aggregates, calendar.Id) { Calendar = calendar, TelemetryRead = measurements.Available };
    }

    /// <summary>The pack of the chain that defines the rule (an inherited rule keeps its base pack's version and hash).</summary>
    private static RulePack Owner(ResolvedPack pack, Rule rule) => pack.Chain.FirstOrDefault(p => p.Id == rule.PackId) ?? pack.Pack;

    private static RuleResult EvaluateRule(CountyFacts county, ResolvedPack pack, RulePack owner, Rule rule, MetricContext context, bool telemetryRead, string siteId, string siteName, EvaluationWindow? window)
    {
        var result = new RuleResult
        {
            County = county.Code,
            Site = siteId,
            SiteName = siteName,
            Rule = rule,
            Pack = owner,
            AppliedBy = owner.Id == pack.Pack.Id ? null : pack.Pack,
            State = ComplianceState.NotApplicable,
            Method = rule.Metric.Id,
            Window = rule.Window is null ? null : window?.ToString() ?? "(not covered by the calendar)",
            WindowDays = rule.Window is null ? null : window,
            At = context.At,
        };
        MetricOutcome outcome;
        var classification = context.Site is { } s && rule.Scope.All.Any(c => c.Field == "site.urban_rural_code") ? Classification(s) : null;
        var scope = context.Site is { } site ? ScopeMatcher.Decide(rule.Scope, site) : ScopeDecision.In;
        if (!scope.InScope && !scope.IsUnknown)
        {
            return result with { Reason = Reason.OutOfScope() };
        }

        if (scope.IsUnknown)
        {
            outcome = MetricOutcome.Unknown(Reason.ScopeFieldMissing(scope.MissingField!), "scope cannot be decided", []);
        }
        else if (!telemetryRead && rule.Metric.UsesTelemetry(rule.Parameters))
        {
            outcome = MetricOutcome.Unknown(Reason.NoTelemetry(), "telemetry not read", []);
        }
        else
        {
            outcome = rule.Metric.Evaluate(context, rule.Parameters);
        }

        var state = outcome.Kind switch
        {
            OutcomeKind.Unknown => ComplianceState.Unknown,
            OutcomeKind.NotApplicable => ComplianceState.NotApplicable,
            _ => Verdict(rule.Compare, outcome.Value!.Value, outcome.Upper),
        };
        var reason = outcome.Reason;
        if (state == ComplianceState.Unknown && reason is null)
        {
            reason = Reason.BoundsStraddle(outcome.Value!.Value, outcome.Upper!.Value);
        }

        result = result with
        {
            State = state,
            Value = outcome.Value,
            Upper = outcome.Upper,
            Detail = outcome.Detail,
            Reason = reason,
            Method = $"{rule.Metric.Id}: {outcome.Method}",
            SamplesUsed = outcome.SamplesUsed,
            SamplesRequired = outcome.SamplesRequired,
            Inputs = classification is null ? outcome.Inputs : [classification, .. outcome.Inputs],
            DataQuality = classification is not null && context.Site is { UrbanRuralCode: not null, UrbanRuralCodeYear: null }
                ? [.. outcome.DataQuality, Phrase.Of("quality.urban_rural_year_missing")]
                : outcome.DataQuality,
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

    /// <summary>The 城乡分类代码 used to place the site (urban or rural threshold), with the year of the code table (§6.3).</summary>
    private static EvidenceInput Classification(SiteFacts site)
    {
        var code = site.UrbanRuralCode;
        var value = code is null ? Phrase.Of("value.not_recorded") : Phrase.Of("value.urban_rural", code, Phrase.Term("urc", code), Phrase.Term("urban", InventoryVocabulary.IsUrban(code) ? "urban" : "rural"));
        var source = site.UrbanRuralCodeYear is { } year ? Phrase.Of("source.urban_rural_table", year) : Phrase.Of("source.urban_rural_table_no_year");
        return new EvidenceInput(Phrase.Of("input.urban_rural_code"), value, source);
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
            window = calendar.LastSchoolDays(ChinaTime.DateOf(at), spec.SchoolDays, spec.SkipExamDays) is { } days ? new EvaluationWindow(days, spec.Hours, at, spec.SkipExamDays) : null;
            cache[spec] = window;
        }

        return window;
    }
}
