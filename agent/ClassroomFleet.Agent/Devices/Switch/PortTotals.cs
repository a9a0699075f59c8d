using ClassroomFleet.Contracts;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Devices.Switch;

/// <summary>The per-switch aggregate of the ports that get no series of their own.</summary>
internal sealed class PortTotals
{
    private int _ports;
    private int _portsUp;
    private double _inBps;
    private double _outBps;
    private int _ratedPorts;

    public void Add(PortReading port, RateResult inRate, RateResult outRate)
    {
        _ports++;
        if (port.OperUp)
        {
            _portsUp++;
        }

        if (inRate.BitsPerSecond is { } inBps && outRate.BitsPerSecond is { } outBps)
        {
            _inBps += inBps;
            _outBps += outBps;
            _ratedPorts++;
        }
    }

    public TelemetryPoint ToPoint(long timestampNs)
    {
        var floats = _ratedPorts > 0 ? new Dictionary<string, double> { ["in_bps"] = _inBps, ["out_bps"] = _outBps } : null;
        return new TelemetryPoint
        {
            Measurement = Measurements.Interface,
            TimestampNs = timestampNs,
            Tags = new Dictionary<string, string> { [TagKeys.InterfaceName] = SwitchPoller.AggregateInterfaceName },
            Floats = floats,
            Integers = new Dictionary<string, long> { ["ports"] = _ports, ["ports_up"] = _portsUp, ["ports_rated"] = _ratedPorts },
        };
    }
}
