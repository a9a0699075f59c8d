using System.Collections.Concurrent;
using System.Diagnostics;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Snmp;

namespace ClassroomFleet.Agent.Devices.Switch;

/// <summary>
/// Polls a switch over SNMP (IF-MIB ifXTable with 64-bit counters). Keeps series cardinality in check: the school's
/// uplinks get per-port <c>interface</c> points and an <c>uplink</c> point; every other port only counts towards one
/// per-switch aggregate (<c>if_name=_total</c>).
/// </summary>
public sealed class SwitchPoller(SnmpClient snmp, SnmpTargetFactory targets, DeviceProfileCatalog profiles, TimeProvider time) : IDevicePoller
{
    public const string AggregateInterfaceName = "_total";

    private static readonly Oid SysUpTime = Oid.Parse(IfMib.SysUpTime);
    private static readonly Oid[] Columns =
    [
        Oid.Parse(IfMib.IfName), Oid.Parse(IfMib.IfHcInOctets), Oid.Parse(IfMib.IfHcOutOctets), Oid.Parse(IfMib.IfHighSpeed),
        Oid.Parse(IfMib.IfOperStatus), Oid.Parse(IfMib.IfCounterDiscontinuityTime),
    ];

    private readonly ConcurrentDictionary<(string Device, string Port, bool In), CounterSample> _previous = new();

    public string Kind => "switch";

    public async Task<IReadOnlyList<TelemetryPoint>> PollAsync(DeviceEntry device, CancellationToken cancellationToken = default)
    {
        var target = await targets.CreateAsync(device, profiles.Resolve(device), cancellationToken).ConfigureAwait(false);
        var upTime = await snmp.GetAsync(target, [SysUpTime], cancellationToken).ConfigureAwait(false);
        var sysUpTime = upTime.Count == 1 && upTime[0].Value.TryGetUInt64(out var ticks) ? (uint)ticks : 0u;
        var table = await snmp.GetTableAsync(target, Columns, cancellationToken).ConfigureAwait(false);
        var takenAt = TimeSpan.FromTicks(Stopwatch.GetElapsedTime(0).Ticks);
        var now = UnixNanos.From(time.GetUtcNow());

        var uplinks = new HashSet<string>(device.Uplinks, StringComparer.Ordinal);
        var points = new List<TelemetryPoint>(uplinks.Count * 2 + 1);
        var total = new PortTotals();

        foreach (var row in table.Rows)
        {
            var port = ReadPort(row);
            if (port is null)
            {
                continue;
            }

            var inRate = Rate(device.Id, port.Value.Name, true, port.Value.InOctets, takenAt, sysUpTime, port.Value);
            var outRate = Rate(device.Id, port.Value.Name, false, port.Value.OutOctets, takenAt, sysUpTime, port.Value);
            if (uplinks.Contains(port.Value.Name))
            {
                points.Add(InterfacePoint(port.Value, inRate, outRate, now));
                points.Add(UplinkPoint(port.Value, inRate, outRate, now));
            }
            else
            {
                total.Add(port.Value, inRate, outRate);
            }
        }

        points.Add(total.ToPoint(now));
        return points;
    }

    private RateResult Rate(string device, string port, bool inbound, ulong octets, TimeSpan takenAt, uint sysUpTime, PortReading reading)
    {
        var sample = new CounterSample(octets, takenAt, sysUpTime, reading.DiscontinuityTicks);
        var key = (device, port, inbound);
        var result = _previous.TryGetValue(key, out var previous)
            ? CounterRate.Compute(previous, sample, 64, reading.SpeedMbps * 1_000_000d)
            : RateResult.Discarded("first_sample");
        _previous[key] = sample;
        return result;
    }

    private static PortReading? ReadPort(SnmpTableRow row)
    {
        if (row[0]?.AsText() is not { Length: > 0 } name
            || row[1] is not { } inValue || !inValue.TryGetUInt64(out var inOctets)
            || row[2] is not { } outValue || !outValue.TryGetUInt64(out var outOctets))
        {
            return null;
        }

        ulong speed = 0, oper = 0, discontinuity = 0;
        _ = row[3]?.TryGetUInt64(out speed);
        _ = row[4]?.TryGetUInt64(out oper);
        _ = row[5]?.TryGetUInt64(out discontinuity);
        return new PortReading(name, inOctets, outOctets, (long)speed, (long)oper == IfMib.OperStatusUp, (uint)discontinuity);
    }

    private static TelemetryPoint InterfacePoint(PortReading port, RateResult inRate, RateResult outRate, long now)
    {
        var floats = new Dictionary<string, double>(2);
        if (inRate.BitsPerSecond is { } inBps)
        {
            floats["in_bps"] = inBps;
        }

        if (outRate.BitsPerSecond is { } outBps)
        {
            floats["out_bps"] = outBps;
        }

        return new TelemetryPoint
        {
            Measurement = Measurements.Interface,
            TimestampNs = now,
            Tags = new Dictionary<string, string> { [TagKeys.InterfaceName] = port.Name },
            Floats = floats.Count > 0 ? floats : null,
            Integers = new Dictionary<string, long>
            {
                ["in_octets"] = unchecked((long)port.InOctets),
                ["out_octets"] = unchecked((long)port.OutOctets),
                ["speed_mbps"] = port.SpeedMbps,
            },
            Booleans = new Dictionary<string, bool> { ["oper_up"] = port.OperUp },
            Strings = inRate.DiscardReason is { } reason && reason != "first_sample"
                ? new Dictionary<string, string> { ["discarded"] = reason }
                : null,
        };
    }

    private static TelemetryPoint UplinkPoint(PortReading port, RateResult inRate, RateResult outRate, long now)
    {
        var floats = new Dictionary<string, double> { ["capacity_mbps"] = port.SpeedMbps };
        if (inRate.BitsPerSecond is { } inBps)
        {
            floats["in_bps"] = inBps;
            if (port.SpeedMbps > 0)
            {
                floats["in_utilisation"] = inBps / (port.SpeedMbps * 1_000_000d);
            }
        }

        if (outRate.BitsPerSecond is { } outBps)
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
        };
    }
}
