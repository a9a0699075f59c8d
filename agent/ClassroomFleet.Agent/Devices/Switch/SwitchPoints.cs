using ClassroomFleet.Contracts;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Devices.Switch;

/// <summary>The per-port <c>interface</c> point and the <c>uplink</c> point of the switch poller.</summary>
internal static class SwitchPoints
{
    public static TelemetryPoint Interface(PortReading port, PortRates rates, bool uplink, int registeredHosts, long now)
    {
        var floats = new Dictionary<string, double>(2);
        if (rates.In.BitsPerSecond is { } inBps)
        {
            floats["in_bps"] = inBps;
        }

        if (rates.Out.BitsPerSecond is { } outBps)
        {
            floats["out_bps"] = outBps;
        }

        var integers = new Dictionary<string, long>
        {
            ["in_octets"] = unchecked((long)port.InOctets),
            ["out_octets"] = unchecked((long)port.OutOctets),
            ["speed_mbps"] = port.SpeedMbps,
            ["counter_bits"] = port.CounterBits,
        };
        AddCounter(integers, "in_errors", port.InErrors, rates.Delta(p => p.InErrors, port));
        AddCounter(integers, "out_errors", port.OutErrors, rates.Delta(p => p.OutErrors, port));
        AddCounter(integers, "in_discards", port.InDiscards, rates.Delta(p => p.InDiscards, port));
        AddCounter(integers, "out_discards", port.OutDiscards, rates.Delta(p => p.OutDiscards, port));
        if (registeredHosts > 0)
        {
            integers["registered_hosts"] = registeredHosts;
        }

        var strings = new Dictionary<string, string>();
        if (rates.DiscardReason is { } reason)
        {
            strings["discarded"] = reason;
        }

        if (port.Alias is { } alias)
        {
            strings["if_alias"] = alias;
        }

        return new TelemetryPoint
        {
            Measurement = Measurements.Interface,
            TimestampNs = now,
            Tags = new Dictionary<string, string> { [TagKeys.InterfaceName] = port.Name },
            Floats = floats.Count > 0 ? floats : null,
            Integers = integers,
            Booleans = new Dictionary<string, bool> { ["oper_up"] = port.OperUp, ["uplink"] = uplink },
            Strings = strings.Count > 0 ? strings : null,
        };
    }

    public static TelemetryPoint Uplink(PortReading port, PortRates rates, long now)
    {
        var floats = new Dictionary<string, double> { ["capacity_mbps"] = port.SpeedMbps };
        if (rates.In.BitsPerSecond is { } inBps)
        {
            floats["in_bps"] = inBps;
            if (port.SpeedMbps > 0)
            {
                floats["in_utilisation"] = inBps / (port.SpeedMbps * 1_000_000d);
            }
        }

        if (rates.Out.BitsPerSecond is { } outBps)
        {
            floats["out_bps"] = outBps;
            if (port.SpeedMbps > 0)
            {
                floats["out_utilisation"] = outBps / (port.SpeedMbps * 1_000_000d);
            }
        }

        return new TelemetryPoint
        {
            Measurement = Measurements.Uplink,
            TimestampNs = now,
            Tags = new Dictionary<string, string> { [TagKeys.InterfaceName] = port.Name, ["method"] = "passive" },
            Floats = floats,
            Booleans = new Dictionary<string, bool> { ["oper_up"] = port.OperUp },
            Strings = rates.DiscardReason is { } reason ? new Dictionary<string, string> { ["discarded"] = reason } : null,
        };
    }

    private static void AddCounter(Dictionary<string, long> integers, string name, ulong? total, long? delta)
    {
        if (total is { } value)
        {
            integers[name] = unchecked((long)value);
        }

        if (delta is { } grown)
        {
            integers[name + "_delta"] = grown;
        }
    }
}
