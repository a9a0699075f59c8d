namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>How a scope condition tests its field.</summary>
public enum ScopeOperator
{
    In,
    NotIn,
    Prefix,
    EqualTo,
}

/// <summary>One condition of a scope selector, for example <c>site.urban_rural_code prefix "1"</c>.</summary>
public sealed record ScopeCondition(string Field, ScopeOperator Op, IReadOnlyList<string> Values);
