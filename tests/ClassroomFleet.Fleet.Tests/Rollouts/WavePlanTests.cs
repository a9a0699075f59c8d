using ClassroomFleet.Fleet.Rollouts;

namespace ClassroomFleet.Fleet.Tests.Rollouts;

/// <summary>Cumulative wave sizes: counts and percentages of all targets, the last wave taking the rest.</summary>
public sealed class WavePlanTests
{
    [Theory]
    [InlineData(12, "1,10%,100%", "1,1,10")] // 10 % of 12 is 1.2, rounded up: 2 schools by the end of wave 2
    [InlineData(30, "1,10%,100%", "1,2,27")]
    [InlineData(12, "1,50%,100%", "1,5,6")]
    [InlineData(3, "1,50%,100%", "1,1,1")]
    [InlineData(2, "1,10%,100%", "1,1")] // wave 2 still takes at least one, so nothing is left for the last
    [InlineData(6, "3,2,100%", "3,1,2")] // a size below what earlier waves took still adds one school
    [InlineData(4, "25%", "4")]
    public void Waves_Take_Their_Cumulative_Share(int targets, string waves, string expectedSizes)
    {
        var assigned = WavePlan.Assign(targets, waves.Split(','));

        var sizes = assigned.GroupBy(w => w).OrderBy(g => g.Key).Select(g => g.Count());
        Assert.Equal(expectedSizes, string.Join(',', sizes));
        Assert.Equal(assigned.Order(), assigned); // targets keep their order: wave numbers never go down
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0%")]
    [InlineData("101%")]
    [InlineData("-1")]
    [InlineData("ten")]
    public void A_Size_That_Is_Neither_A_Count_Nor_A_Percentage_Is_Refused(string wave) =>
        Assert.Contains(wave, WavePlan.Problem(["1", wave]), StringComparison.Ordinal);
}
