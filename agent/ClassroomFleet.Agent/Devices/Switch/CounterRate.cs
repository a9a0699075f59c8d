namespace ClassroomFleet.Agent.Devices.Switch;

/// <summary>
/// Turns two counter readings into a rate in bit/s. The rate is never negative and never above the link speed: an
/// interval across a reboot, a counter discontinuity or an implausible jump is discarded with a reason instead.
/// </summary>
public static class CounterRate
{
    public const string DeviceRestarted = "device_restarted";
    public const string EngineRebooted = "engine_rebooted";
    public const string FirstSample = "first_sample";
    public const string CounterDiscontinuity = "counter_discontinuity";
    public const string CounterReset = "counter_reset";
    public const string NoElapsedTime = "no_elapsed_time";
    public const string AboveLinkSpeed = "above_link_speed";

    /// <summary>Small overshoots come from the two polls' timing jitter and are clamped; larger ones are discarded.</summary>
    private const double SpeedTolerance = 1.10;

    /// <param name="previous">The earlier reading.</param>
    /// <param name="current">The later reading.</param>
    /// <param name="counterBits">32 for ifInOctets/ifOutOctets, 64 for ifHC*.</param>
    /// <param name="linkBitsPerSecond">ifHighSpeed × 10^6; 0 when unknown.</param>
    public static RateResult Compute(CounterSample previous, CounterSample current, int counterBits, double linkBitsPerSecond)
    {
        if (current.SysUpTimeTicks < previous.SysUpTimeTicks)
        {
            return RateResult.Discarded(DeviceRestarted);
        }

        // RFC 3414 §2.2: snmpEngineBoots counts re-initialisations, also those a sysUpTime that only advances would hide
        // (the SNMP engine restarted between two polls longer apart than the previous uptime).
        if (current.EngineBoots is { } boots && previous.EngineBoots is { } before && boots != before)
        {
            return RateResult.Discarded(EngineRebooted);
        }

        if (current.DiscontinuityTicks != previous.DiscontinuityTicks)
        {
            return RateResult.Discarded(CounterDiscontinuity);
        }

        var seconds = (current.TakenAt - previous.TakenAt).TotalSeconds;
        if (seconds <= 0)
        {
            return RateResult.Discarded(NoElapsedTime);
        }

        double deltaOctets;
        if (current.Octets >= previous.Octets)
        {
            deltaOctets = current.Octets - previous.Octets;
        }
        else if (counterBits == 32 && previous.Octets <= uint.MaxValue && current.Octets <= uint.MaxValue)
        {
            // RFC 2863 §3.1.6: a 32-bit counter wraps at 2^32. Only one wrap is plausible, and only if the resulting rate
            // fits the link; otherwise the counter was reset.
            deltaOctets = (double)(uint.MaxValue - previous.Octets) + current.Octets + 1;
            if (linkBitsPerSecond <= 0 || deltaOctets * 8 / seconds > linkBitsPerSecond * SpeedTolerance)
            {
                return RateResult.Discarded(CounterReset);
            }
        }
        else
        {
            return RateResult.Discarded(CounterReset);
        }

        var rate = deltaOctets * 8 / seconds;
        if (linkBitsPerSecond > 0 && rate > linkBitsPerSecond)
        {
            if (rate > linkBitsPerSecond * SpeedTolerance)
            {
                return RateResult.Discarded(AboveLinkSpeed);
            }

            rate = linkBitsPerSecond;
        }

        return RateResult.Of(rate);
    }
}
