using ClassroomFleet.Agent.Cabinet;

namespace ClassroomFleet.Agent.Tests.Cabinet;

public sealed class SustainedAlertTests
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    // minutes since T0 and door state; limit 10 minutes
    [InlineData(new[] { 0, 5, 9 }, new[] { true, true, true }, new[] { false, false, false })]
    [InlineData(new[] { 0, 10, 15 }, new[] { true, true, true }, new[] { false, true, true })]
    [InlineData(new[] { 0, 11, 12 }, new[] { true, true, false }, new[] { false, true, false })]
    [InlineData(new[] { 0, 6, 7, 16 }, new[] { true, false, true, true }, new[] { false, false, false, false })]
    [InlineData(new[] { 0, 6, 7, 17 }, new[] { true, false, true, true }, new[] { false, false, false, true })]
    public void Raised_Only_After_The_Door_Stayed_Open_For_The_Limit(int[] minutes, bool[] open, bool[] expected)
    {
        var alert = new SustainedAlert(TimeSpan.FromMinutes(10));

        var states = minutes.Select((m, i) => { alert.Update(open[i], T0.AddMinutes(m)); return alert.Active; }).ToArray();

        Assert.Equal(expected, states);
    }
}
