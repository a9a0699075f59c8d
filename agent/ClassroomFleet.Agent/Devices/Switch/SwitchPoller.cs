using System.Diagnostics;
using System.Net.NetworkInformation;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.Devices.Switch.Tables;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Snmp;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Devices.Switch;

/// <summary>
/// Polls a switch over SNMP with the OIDs of its profile (IF-MIB: 64-bit counters, or the 32-bit ones where a port has
/// no ifHC*; errors, discards, speed, status, name and alias). Keeps series cardinality in check: per-port
/// <c>interface</c> points go to the school's uplinks (which also get an <c>uplink</c> point) and, with the default
/// profile, to ports where a registered device's MAC was learned; every other port only counts towards one
/// per-switch aggregate (<c>if_name=_total</c>).
/// </summary>
public sealed class SwitchPoller(
    SnmpClient snmp,
    SnmpTargetFactory targets,
    DeviceProfileCatalog profiles,
    SwitchTablesCache tables,
    SchoolFileProvider school,
    TimeProvider time,
    ILogger<SwitchPoller> logger) : IDevicePoller
{
    public const string AggregateInterfaceName = "_total";

    private readonly PortHistory _history = new();

    public string Kind => "switch";

    public async Task<IReadOnlyList<TelemetryPoint>> PollAsync(DeviceEntry device, CancellationToken cancellationToken = default)
    {
        var profile = profiles.Resolve(device);
        var columns = new SwitchColumns(profile);
        var target = await targets.CreateAsync(device, profile, cancellationToken).ConfigureAwait(false);
        var (sysUpTime, engineBoots) = await ReadScalarsAsync(target, columns, cancellationToken).ConfigureAwait(false);
        var table = await snmp.GetTableAsync(target, columns.Oids, cancellationToken).ConfigureAwait(false);
        var takenAt = TimeSpan.FromTicks(Stopwatch.GetElapsedTime(0).Ticks);
        var now = UnixNanos.From(time.GetUtcNow());
        var uplinks = new HashSet<string>(device.Uplinks, StringComparer.Ordinal);
        var registered = await RegisteredPortsAsync(device, profile, cancellationToken).ConfigureAwait(false);

        var points = new List<TelemetryPoint>();
        var total = new PortTotals();
        foreach (var row in table.Rows)
        {
            if (columns.Read(row) is not { } port)
            {
                continue;
            }

            var rates = _history.Update(device.Id, port, takenAt, sysUpTime, engineBoots);
            var isUplink = uplinks.Contains(port.Name);
            var hosts = registered.GetValueOrDefault(port.IfIndex);
            if (isUplink || hosts > 0 || profile.Interfaces == InterfaceFilter.All)
            {
                points.Add(SwitchPoints.Interface(port, rates, isUplink, hosts, now));
            }
            else
            {
                total.Add(port, rates.In, rates.Out);
            }

            if (isUplink)
            {
                points.Add(SwitchPoints.Uplink(port, rates, now));
            }
        }

        points.Add(total.ToPoint(now));
        return points;
    }

    private async Task<(uint SysUpTime, uint? EngineBoots)> ReadScalarsAsync(SnmpTarget target, SwitchColumns columns, CancellationToken cancellationToken)
    {
        List<Oid> oids = [];
        if (columns.SysUpTime is { } upTime)
        {
            oids.Add(upTime);
        }

        if (columns.EngineBoots is { } boots)
        {
            oids.Add(boots);
        }

        if (oids.Count == 0)
        {
            return (0, null);
        }

        uint sysUpTime = 0;
        uint? engineBoots = null;
        foreach (var variable in await snmp.GetAsync(target, oids, cancellationToken).ConfigureAwait(false))
        {
            if (variable.Value.IsException || !variable.Value.TryGetUInt64(out var value))
            {
                continue;
            }

            if (columns.SysUpTime == variable.Oid)
            {
                sysUpTime = (uint)value;
            }
            else if (columns.EngineBoots == variable.Oid)
            {
                engineBoots = (uint)value;
            }
        }

        return (sysUpTime, engineBoots);
    }

    /// <summary>ifIndex → number of registered MACs learned on it, from the switch's forwarding table (shared with the PC pollers).</summary>
    private async Task<Dictionary<int, int>> RegisteredPortsAsync(DeviceEntry device, DeviceProfile profile, CancellationToken cancellationToken)
    {
        var ports = new Dictionary<int, int>();
        if (profile.Interfaces != InterfaceFilter.UplinksAndRegistered || school.Current is not { } file)
        {
            return ports;
        }

        var macs = new List<PhysicalAddress>();
        foreach (var entry in file.Devices)
        {
            macs.AddRange(entry.Macs.Select(m => MacAddressText.TryParse(m, out var mac) ? mac : null).OfType<PhysicalAddress>());
        }

        if (macs.Count == 0)
        {
            return ports;
        }

        try
        {
            var known = await tables.GetAsync(device, cancellationToken).ConfigureAwait(false);
            foreach (var mac in macs)
            {
                if (known.PortByMac.TryGetValue(mac, out var ifIndex) && ifIndex > 0)
                {
                    ports[ifIndex] = ports.GetValueOrDefault(ifIndex) + 1;
                }
            }
        }
        catch (Exception ex) when (ex is SnmpException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The counters still matter more than the port selection: poll on with uplinks only.
            logger.TablesUnavailable(device.Id, ex.Message);
        }

        return ports;
    }
}
