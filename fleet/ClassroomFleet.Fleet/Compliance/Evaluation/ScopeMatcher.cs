using ClassroomFleet.Fleet.Compliance.Inputs;
using ClassroomFleet.Fleet.Compliance.Packs;

namespace ClassroomFleet.Fleet.Compliance.Evaluation;

/// <summary>Decides whether a site is in a rule's scope. A field the registry does not know fails the condition.</summary>
public static class ScopeMatcher
{
    public static bool Matches(RuleScope scope, SiteFacts site)
    {
        foreach (var condition in scope.All)
        {
            if (!Matches(condition, site))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Matches(ScopeCondition condition, SiteFacts site)
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
            return false;
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
