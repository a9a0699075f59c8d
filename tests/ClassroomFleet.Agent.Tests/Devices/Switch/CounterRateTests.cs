using ClassroomFleet.Agent.Devices.Switch;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ClassroomFleet.Agent.Tests.Devices.Switch;

public class CounterRateTests
{
    private const double Gigabit = 1e9;

    private static CounterSample At(ulong octets, double seconds, uint upTime = 1000, uint discontinuity = 0) =>
        new(octets, TimeSpan.FromSeconds(seconds), upTime, discontinuity);

    [Fact]
    public void Rate_Is_Octets_Times_Eight_Over_Seconds()
    {
        var rate = CounterRate.Compute(At(1_000_000, 0), At(1_000_000 + 12_500_000, 10), 64, Gigabit);
        Assert.Equal(10_000_000, rate.BitsPerSecond);
    }

    [Fact]
    public void A_Device_Reboot_Discards_The_Interval()
    {
        var rate = CounterRate.Compute(At(5_000_000, 0, upTime: 90_000), At(100, 10, upTime: 500), 64, Gigabit);
        Assert.Equal(CounterRate.DeviceRestarted, rate.DiscardReason);
    }

    [Fact]
    public void A_Counter_Discontinuity_Discards_The_Interval()
    {
        var rate = CounterRate.Compute(At(100, 0, discontinuity: 0), At(200, 10, discontinuity: 4242), 64, Gigabit);
        Assert.Equal(CounterRate.CounterDiscontinuity, rate.DiscardReason);
    }

    [Fact]
    public void A_Changed_Engine_Boots_Discards_The_Interval_Even_When_Uptime_Advanced()
    {
        var before = At(100, 0, upTime: 1000) with { EngineBoots = 3 };
        var after = At(200, 10, upTime: 5000) with { EngineBoots = 4 };
        Assert.Equal(CounterRate.EngineRebooted, CounterRate.Compute(before, after, 64, Gigabit).DiscardReason);
        Assert.Equal(80, CounterRate.Compute(before, after with { EngineBoots = 3 }, 64, Gigabit).BitsPerSecond);
    }

    [Fact]
    public void A_32_Bit_Wrap_Is_Corrected_When_Plausible()
    {
        var rate = CounterRate.Compute(At(uint.MaxValue - 999, 0), At(1000, 1), 32, Gigabit);
        Assert.Equal(2000 * 8, rate.BitsPerSecond);
    }

    [Fact]
    public void A_32_Bit_Drop_That_Would_Exceed_The_Link_Is_A_Reset()
    {
        var rate = CounterRate.Compute(At(10, 0), At(5, 1), 32, 1e6);
        Assert.Equal(CounterRate.CounterReset, rate.DiscardReason);
    }

    [Fact]
    public void A_64_Bit_Counter_That_Goes_Back_Is_A_Reset()
    {
        var rate = CounterRate.Compute(At(1_000_000, 0), At(10, 10), 64, Gigabit);
        Assert.Equal(CounterRate.CounterReset, rate.DiscardReason);
    }

    [Fact]
    public void Far_Above_Link_Speed_Is_Discarded_And_Slightly_Above_Is_Clamped()
    {
        var far = CounterRate.Compute(At(0, 0), At(1_000_000, 1), 64, 1e6);
        Assert.Equal(CounterRate.AboveLinkSpeed, far.DiscardReason);
        var near = CounterRate.Compute(At(0, 0), At(130_000, 1), 64, 1e6);
        Assert.Equal(1e6, near.BitsPerSecond);
    }

    [Property(MaxTest = 2000)]
    public Property Rate_Is_Never_Negative_Nor_Above_Link_Speed(ulong before, ulong after, PositiveInt millis, bool wide, PositiveInt speedMbps, uint up1, uint up2)
    {
        var link = Math.Min(speedMbps.Get, 400_000) * 1e6;
        var bits = wide ? 64 : 32;
        var b = wide ? before : before & uint.MaxValue;
        var a = wide ? after : after & uint.MaxValue;
        var rate = CounterRate.Compute(At(b, 0, up1), At(a, millis.Get / 1000.0, up2), bits, link);
        return (rate.BitsPerSecond is null
                ? rate.DiscardReason is not null
                : rate.BitsPerSecond >= 0 && rate.BitsPerSecond <= link && rate.DiscardReason is null)
            .ToProperty();
    }

    [Property(MaxTest = 1000)]
    public Property Missed_Polls_Give_The_Same_Rate_As_Consecutive_Ones(PositiveInt bytesPerSecond, PositiveInt polls)
    {
        // Whether the poller saw every sample or missed some, a steady rate is measured the same.
        var bps = Math.Min(bytesPerSecond.Get, 100_000_000);
        var n = Math.Min(polls.Get, 50) + 1;
        var first = At(1_000, 0);
        var last = At(1_000 + (ulong)bps * (ulong)n, n);
        var rate = CounterRate.Compute(first, last, 64, 1e12);
        return (Math.Abs(rate.BitsPerSecond!.Value - bps * 8.0) < 1e-6 * bps * 8).ToProperty();
    }
}
