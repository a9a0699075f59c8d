namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>What a rule is evaluated for.</summary>
public enum ScopeEntity
{
    Site,
    County,
}

/// <summary>The entities a rule applies to: all conditions must hold.</summary>
public sealed record RuleScope(ScopeEntity Entity, IReadOnlyList<ScopeCondition> All)
{
    /// <summary>Fields a scope condition may name.</summary>
    public static readonly IReadOnlySet<string> KnownFields = new HashSet<string>(StringComparer.Ordinal)
    {
        "site.kind", "site.urban_rural_code", "site.stage", "site.ownership", "site.tags", "site.has_it_course",
    };
}
