using ClassroomFleet.Agent.Cabinet;
using FsCheck;
using FsCheck.Fluent;

namespace ClassroomFleet.Agent.Tests.Cabinet;

public sealed class RelayInterlockTests
{
    private static CabinetRelayOptions Rules(int maxPerHour = 3, int minimumOnSeconds = 120) => new()
    {
        MaxCyclesPerHour = maxPerHour,
        MinimumOnTime = TimeSpan.FromSeconds(minimumOnSeconds),
        MinimumOffTime = TimeSpan.FromSeconds(10),
    };

    [Fact]
    public void Uplink_Is_Refused_Unless_Forced()
    {
        var interlock = new RelayInterlock(Rules(), new CabinetClock());

        var refused = interlock.TryBegin("modem", uplink: true, force: false);
        var forced = interlock.TryBegin("modem", uplink: true, force: true);

        Assert.False(refused.Allowed);
        Assert.Contains("uplink", refused.Reason, StringComparison.Ordinal);
        Assert.True(forced.Allowed);
    }

    [Fact]
    public void A_Second_Cycle_While_One_Runs_Is_Refused_Even_When_Forced()
    {
        var interlock = new RelayInterlock(Rules(), new CabinetClock());
        Assert.True(interlock.TryBegin("rec-1", false, false).Allowed);

        var second = interlock.TryBegin("rec-1", false, force: true);

        Assert.False(second.Allowed);
        Assert.Contains("in progress", second.Reason, StringComparison.Ordinal);
        Assert.True(interlock.TryBegin("rec-2", false, false).Allowed);
    }

    [Fact]
    public void Minimum_On_Time_Holds_Off_The_Next_Cycle()
    {
        var clock = new CabinetClock();
        var interlock = new RelayInterlock(Rules(), clock);
        interlock.TryBegin("rec-1", false, false);
        clock.Advance(TimeSpan.FromSeconds(10));
        interlock.End("rec-1");

        clock.Advance(TimeSpan.FromSeconds(119));
        var early = interlock.TryBegin("rec-1", false, true);
        clock.Advance(TimeSpan.FromSeconds(1));
        var onTime = interlock.TryBegin("rec-1", false, false);

        Assert.False(early.Allowed);
        Assert.Contains("minimum on time", early.Reason, StringComparison.Ordinal);
        Assert.True(onTime.Allowed);
    }

    [Fact]
    public void Cycles_Per_Hour_Are_Capped_In_A_Sliding_Window_And_Force_Does_Not_Lift_It()
    {
        var clock = new CabinetClock();
        var interlock = new RelayInterlock(Rules(maxPerHour: 3, minimumOnSeconds: 0), clock);
        for (var i = 0; i < 3; i++)
        {
            Assert.True(interlock.TryBegin("rec-1", false, false).Allowed);
            interlock.End("rec-1");
            clock.Advance(TimeSpan.FromMinutes(10));
        }

        var fourth = interlock.TryBegin("rec-1", false, force: true);
        Assert.False(fourth.Allowed);
        Assert.Contains("limit 3", fourth.Reason, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromMinutes(30));   // the first cycle is now 60 minutes old
        Assert.True(interlock.TryBegin("rec-1", false, false).Allowed);
    }

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Any_Request_Sequence_Keeps_Every_Rule() =>
        Prop.ForAll(Gen.ListOf(Gen.Zip(Gen.Choose(0, 1500), Gen.Elements(true, false))).ToArbitrary(), requests =>
        {
            var rules = Rules(maxPerHour: 3, minimumOnSeconds: 120);
            var clock = new CabinetClock();
            var interlock = new RelayInterlock(rules, clock);
            var starts = new List<DateTimeOffset>();
            DateTimeOffset? restored = null;
            foreach (var (gapSeconds, force) in requests)
            {
                clock.Advance(TimeSpan.FromSeconds(gapSeconds));
                var now = clock.GetUtcNow();
                if (!interlock.TryBegin("rec-1", false, force).Allowed)
                {
                    continue;
                }

                if (restored is { } r && now - r < rules.MinimumOnTime)
                {
                    return false;
                }

                starts.Add(now);
                if (starts.Count(s => now - s < TimeSpan.FromHours(1)) > rules.MaxCyclesPerHour)
                {
                    return false;
                }

                clock.Advance(rules.MinimumOffTime);
                interlock.End("rec-1");
                restored = clock.GetUtcNow();
            }

            return true;
        });
}
