using ClassroomFleet.Fleet.Rollouts;

namespace ClassroomFleet.Fleet.Tests.Rollouts;

public sealed class RolloutSummaryTests
{
    [Fact]
    public void Skipped_Schools_Are_Counted_Apart_From_Succeeded_Ones()
    {
        var schools = new[] { RolloutStates.Succeeded, RolloutStates.Succeeded, RolloutStates.Skipped, RolloutStates.Failed }
            .Select((status, i) => new RolloutSchool("410323", $"414103230{i}", 0, 1, status, null, DateTimeOffset.UnixEpoch))
            .ToList();

        Assert.Equal("2 of 4 schools succeeded, 1 skipped (no school file known), 1 failed", RolloutSummary.Of(schools));
    }
}
