using ClassroomFleet.Agent.Cabinet;
using FsCheck;
using FsCheck.Fluent;

namespace ClassroomFleet.Agent.Tests.Cabinet;

public sealed class HysteresisAlertTests
{
    [Theory]
    // readings, expected state after each (raise 40, clear 37)
    [InlineData(new[] { 35.0, 39.9, 40.0 }, new[] { false, false, true })]
    [InlineData(new[] { 41.0, 39.0, 38.0, 37.1, 37.0 }, new[] { true, true, true, true, false })]
    [InlineData(new[] { 41.0, 36.0, 39.0, 40.5 }, new[] { true, false, false, true })]
    [InlineData(new[] { 38.0, 38.5, 39.99 }, new[] { false, false, false })]
    public void Raises_At_Raise_Threshold_And_Clears_Only_At_Clear_Threshold(double[] readings, bool[] expected)
    {
        var alert = new HysteresisAlert(40, 37);

        var states = readings.Select(r => { alert.Update(r); return alert.Active; }).ToArray();

        Assert.Equal(expected, states);
    }

    [Fact]
    public void Missing_Reading_Holds_The_State()
    {
        var alert = new HysteresisAlert(40, 37);
        alert.Update(45);

        Assert.False(alert.Update(null));
        Assert.True(alert.Active);
        Assert.False(alert.Update(double.NaN));
        Assert.True(alert.Active);
    }

    [Fact]
    public void Update_Reports_Only_Changes()
    {
        var alert = new HysteresisAlert(40, 37);

        Assert.True(alert.Update(40));
        Assert.False(alert.Update(42));
        Assert.True(alert.Update(30));
        Assert.False(alert.Update(30));
    }

    [Fact]
    public void Clear_Threshold_Must_Be_Below_Raise_Threshold() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new HysteresisAlert(40, 40));

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Any_Sequence_Obeys_The_Three_Rules() =>
        Prop.ForAll(Gen.ListOf(Gen.Choose(300, 450).Select(t => t / 10.0)).ToArbitrary(), readings =>
        {
            var alert = new HysteresisAlert(40, 37);
            var previous = false;
            foreach (var reading in readings)
            {
                alert.Update(reading);
                var ok = reading >= 40 ? alert.Active
                    : reading <= 37 ? !alert.Active
                    : alert.Active == previous;
                if (!ok)
                {
                    return false;
                }

                previous = alert.Active;
            }

            return true;
        });
}
