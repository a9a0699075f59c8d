using System.Collections.Concurrent;

namespace ClassroomFleet.Agent.Devices.Switch;

/// <summary>
/// The previous reading of each port of each switch, so that the next poll can compute rates and error deltas. Keyed
/// by device id and ifIndex: a port renamed keeps its history, a port that disappears just stops being updated.
/// </summary>
internal sealed class PortHistory
{
    private readonly ConcurrentDictionary<(string Device, int IfIndex), (CounterSample In, CounterSample Out, PortReading Port)> _previous = new();

    public PortRates Update(string device, PortReading port, TimeSpan takenAt, uint sysUpTime, uint? engineBoots)
    {
        var inSample = new CounterSample(port.InOctets, takenAt, sysUpTime, port.DiscontinuityTicks, engineBoots);
        var outSample = new CounterSample(port.OutOctets, takenAt, sysUpTime, port.DiscontinuityTicks, engineBoots);
        var key = (device, port.IfIndex);
        PortRates rates;
        if (_previous.TryGetValue(key, out var previous) && previous.Port.CounterBits == port.CounterBits)
        {
            var speed = port.SpeedMbps * 1_000_000d;
            rates = new PortRates(
                CounterRate.Compute(previous.In, inSample, port.CounterBits, speed),
                CounterRate.Compute(previous.Out, outSample, port.CounterBits, speed),
                previous.Port);
        }
        else
        {
            rates = new PortRates(RateResult.Discarded(CounterRate.FirstSample), RateResult.Discarded(CounterRate.FirstSample), null);
        }

        _previous[key] = (inSample, outSample, port);
        return rates;
    }
}
