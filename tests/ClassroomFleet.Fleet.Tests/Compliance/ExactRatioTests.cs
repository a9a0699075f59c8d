using ClassroomFleet.Fleet.Compliance.Metrics;
using ClassroomFleet.Fleet.Compliance.Packs;

namespace ClassroomFleet.Fleet.Tests.Compliance;

/// <summary>Threshold comparison is exact: no floating point, no rounding (POLICY-TARGETS §6.5).</summary>
public sealed class ExactRatioTests
{
    [Theory]
    [InlineData(99, 100, ">=", "1", false)]
    [InlineData(100, 100, ">=", "1", true)]
    [InlineData(1, 3, ">=", "0.3333333333", true)]
    [InlineData(1, 3, "<=", "0.3333333333", false)]
    [InlineData(300, 30, ">=", "10", true)]
    [InlineData(299.999, 30, ">=", "10", false)]
    [InlineData(180, 30, "<=", "6", true)]
    [InlineData(181, 30, "<=", "6", false)]
    [InlineData(5, 0, "<=", "6", false)]  // students with no computer: +∞
    [InlineData(5, 0, ">=", "6", true)]
    public void Compares_by_cross_multiplication(double numerator, double denominator, string op, string threshold, bool expected)
    {
        var comparison = new Comparison(Comparison.Operators[op], decimal.Parse(threshold, System.Globalization.CultureInfo.InvariantCulture), "ratio");
        Assert.Equal(expected, comparison.IsSatisfiedBy(new ExactRatio((decimal)numerator, (decimal)denominator)));
    }

    [Theory]
    [InlineData(">=", "10", ">=", "9", true)]
    [InlineData(">=", "10", ">=", "12", false)]
    [InlineData(">", "10", ">=", "10", true)]
    [InlineData("<=", "6", "<=", "8", true)]
    [InlineData("<=", "6", "<=", "5", false)]
    public void Detects_a_looser_override(string op, string value, string newOp, string newValue, bool looser)
    {
        var original = new Comparison(Comparison.Operators[op], decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), "x");
        var replacement = new Comparison(Comparison.Operators[newOp], decimal.Parse(newValue, System.Globalization.CultureInfo.InvariantCulture), "x");
        Assert.Equal(looser, original.IsLooserReplacement(replacement));
    }

    [Fact]
    public void Nearest_rank_median_of_an_even_count_is_the_lower_middle_sample()
    {
        Assert.Equal(20, NearestRank.Percentile(new double[] { 40, 10, 30, 20 }, 50));
        Assert.Equal(30, NearestRank.Percentile(new double[] { 50, 10, 30, 20, 40 }, 50));
        Assert.Equal(95, NearestRank.Percentile(Enumerable.Range(1, 100).Select(i => (double)i).ToArray(), 95));
    }
}
