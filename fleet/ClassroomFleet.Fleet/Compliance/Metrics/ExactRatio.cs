using System.Globalization;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// A metric value kept as numerator and denominator, so that a threshold is compared by cross-multiplication in decimal
/// arithmetic: 99 PCs for 100 teachers is 99/100 and fails "&gt;= 1" exactly (POLICY-TARGETS §6.5). A zero denominator
/// with a positive numerator is +∞ (for example students per computer when there are no computers).
/// </summary>
public readonly record struct ExactRatio(decimal Numerator, decimal Denominator)
{
    public static ExactRatio Of(decimal value) => new(value, 1m);

    public bool IsInfinite => Denominator == 0m;

    /// <summary>Sign of (this − threshold), computed without division.</summary>
    public int CompareTo(decimal threshold)
    {
        if (IsInfinite)
        {
            return Numerator > 0 ? 1 : Numerator < 0 ? -1 : 0;
        }

        var sign = Denominator > 0 ? 1 : -1;
        return sign * Numerator.CompareTo(threshold * Denominator);
    }

    /// <summary>The value for display and for InfluxDB (rounded; never used for a verdict).</summary>
    public decimal? Approximate => IsInfinite ? null : decimal.Round(Numerator / Denominator, 4, MidpointRounding.AwayFromZero);

    public string Display(int decimals = 2) => IsInfinite
        ? (Numerator >= 0 ? "∞" : "-∞")
        : decimal.Round(Numerator / Denominator, decimals, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);
}
