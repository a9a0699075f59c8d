using ClassroomFleet.Fleet.Compliance.Metrics;

namespace ClassroomFleet.Fleet.Compliance.Packs;

/// <summary>A threshold with its comparator and unit. Comparison is exact: no floating point, no rounding.</summary>
public sealed record Comparison(ComparisonOperator Op, decimal Threshold, string Unit)
{
    public static readonly IReadOnlyDictionary<string, ComparisonOperator> Operators = new Dictionary<string, ComparisonOperator>(StringComparer.Ordinal)
    {
        [">="] = ComparisonOperator.GreaterOrEqual,
        [">"] = ComparisonOperator.Greater,
        ["<="] = ComparisonOperator.LessOrEqual,
        ["<"] = ComparisonOperator.Less,
        ["=="] = ComparisonOperator.Equal,
    };

    public string Symbol => Op switch
    {
        ComparisonOperator.GreaterOrEqual => ">=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Less => "<",
        _ => "==",
    };

    public bool IsSatisfiedBy(ExactRatio value)
    {
        var order = value.CompareTo(Threshold);
        return Op switch
        {
            ComparisonOperator.GreaterOrEqual => order >= 0,
            ComparisonOperator.Greater => order > 0,
            ComparisonOperator.LessOrEqual => order <= 0,
            ComparisonOperator.Less => order < 0,
            _ => order == 0,
        };
    }

    /// <summary>
    /// True when <paramref name="replacement"/> lets some value pass that this comparison fails: a looser override, which
    /// the audit report flags. A change of direction counts as looser.
    /// </summary>
    public bool IsLooserReplacement(Comparison replacement)
    {
        var lowerBound = Op is ComparisonOperator.GreaterOrEqual or ComparisonOperator.Greater;
        var upperBound = Op is ComparisonOperator.LessOrEqual or ComparisonOperator.Less;
        if (lowerBound && replacement.Op is ComparisonOperator.GreaterOrEqual or ComparisonOperator.Greater)
        {
            return replacement.Threshold < Threshold
                || (replacement.Threshold == Threshold && Op == ComparisonOperator.Greater && replacement.Op == ComparisonOperator.GreaterOrEqual);
        }

        if (upperBound && replacement.Op is ComparisonOperator.LessOrEqual or ComparisonOperator.Less)
        {
            return replacement.Threshold > Threshold
                || (replacement.Threshold == Threshold && Op == ComparisonOperator.Less && replacement.Op == ComparisonOperator.LessOrEqual);
        }

        return replacement != this;
    }
}
