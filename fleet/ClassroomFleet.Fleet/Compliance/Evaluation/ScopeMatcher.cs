using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Fleet.Compliance.Packs;

namespace ClassroomFleet.Fleet.Compliance.Evaluation;

/// <summary>Whether a site is in a rule's scope: in, out, or undecidable because the registry lacks a field the scope tests.</summary>
public readonly record struct ScopeDecision(bool InScope, string? MissingField)
{
    public static readonly ScopeDecision In = new(true, null);

    public static readonly ScopeDecision Out = new(false, null);

    public bool IsUnknown => MissingField is not null;
}

/// <summary>
/// Decides whether a site is in a rule's scope. A condition that fails puts the site out of scope; otherwise a condition
/// on a field the registry does not know (no 城乡分类代码, no 学段) leaves the decision open, and the result is UNKNOWN,
/// never a silent NOT_APPLICABLE.
/// </summary>
public static class ScopeMatcher
{
    public static ScopeDecision Decide(RuleScope scope, SiteFacts site)
    {
        string? missing = null;
        foreach (var condition in scope.All)
        {
            switch (Matches(condition, site))
            {
                case false:
                    return ScopeDecision.Out;
                case null:
                    missing ??= condition.Field;
                    break;
            }
        }

        return missing is null ? ScopeDecision.In : new ScopeDecision(false, missing);
    }

    public static bool Matches(RuleScope scope, SiteFacts site) => Decide(scope, site).InScope;

    /// <returns>The condition's truth, or null when the site has no value for the field.</returns>
    private static bool? Matches(ScopeCondition condition, SiteFacts site)
    {
        if (condition.Field == "site.tags")
        {
            var any = site.Tags.Any(condition.Values.Contains);
            return condition.Op == ScopeOperator.NotIn ? !any : any;
        }

        var value = condition.Field switch
        {
            "site.kind" => site.Kind == SiteKind.School ? "school" : "teaching_point",
            "site.urban_rural_code" => site.UrbanRuralCode,
            "site.stage" => site.Stage,
            "site.ownership" => site.Ownership,
            "site.has_it_course" => site.HasItCourse ? "true" : "false",
            _ => null,
        };
        if (value is null)
        {
            return null;
        }

        return condition.Op switch
        {
            ScopeOperator.In => condition.Values.Contains(value),
            ScopeOperator.NotIn => !condition.Values.Contains(value),
            ScopeOperator.Prefix => value.StartsWith(condition.Values[0], StringComparison.Ordinal),
            _ => value == condition.Values[0],
        };
    }
}
