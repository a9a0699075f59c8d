using System.Net;
using System.Net.NetworkInformation;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.Devices.Switch.Tables;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Snmp;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Devices.Pc;

/// <summary>
/// Counts the PCs of a PC group that are present (what the 1:1 and 6:1 ratios count). With <c>switch</c> and
/// <c>macs</c>, a PC is present when its MAC is in that switch's bridge forwarding table or ARP table; when the switch
/// cannot be read, or the group lists no MACs, its <c>hosts</c> are pinged instead. One <c>pc</c> point per poll.
/// </summary>
public sealed class PcPoller(
    string kind,
    DeviceProfileCatalog profiles,
    SchoolFileProvider school,
    SwitchTablesCache tables,
    TimeProvider time,
    ILogger<PcPoller> logger) : IDevicePoller
{
    public const string Measurement = "pc";

    /// <summary>At most this many absent MACs are listed in the <c>absent_macs</c> field.</summary>
    private const int AbsentListLimit = 16;

    public string Kind => kind;

    public async Task<IReadOnlyList<TelemetryPoint>> PollAsync(DeviceEntry device, CancellationToken cancellationToken = default)
    {
        var profile = profiles.Resolve(device);
        var macs = device.Macs.Select(m => MacAddressText.TryParse(m, out var mac) ? mac : throw new InvalidOperationException($"device {device.Id}: '{m}' is not a MAC address")).ToList();
        var hosts = Hosts(device);
        var fields = new PcFields(macs.Count > 0 ? macs.Count : hosts.Count);

        string? tableError = null;
        if (device.Switch is { } switchId && macs.Count > 0)
        {
            try
            {
                var switchDevice = school.Current?.Devices.FirstOrDefault(d => d.Id == switchId && d.Kind == "switch")
                    ?? throw new InvalidOperationException($"switch '{switchId}' is not in the school file in force");
                fields.AddTables(macs, await tables.GetAsync(switchDevice, cancellationToken).ConfigureAwait(false), AbsentListLimit);
            }
            catch (Exception ex) when (ex is SnmpException or InvalidOperationException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                tableError = ex is OperationCanceledException ? $"switch {switchId} did not answer within its budget" : ex.Message;
                logger.TablesUnavailable(device.Id, switchId, tableError);
                fields.Strings["table_error"] = tableError;
            }
        }

        if (!fields.CountedByTables)
        {
            if (hosts.Count == 0)
            {
                throw new InvalidOperationException(tableError is null
                    ? "the group has neither macs with a switch nor hosts to ping"
                    : $"{tableError}, and the group has no hosts to ping instead");
            }

            fields.AddEchoes(await PingAllAsync(hosts, profile, cancellationToken).ConfigureAwait(false));
        }

        return [fields.ToPoint(Measurement, UnixNanos.From(time.GetUtcNow()))];
    }

    private static List<IPAddress> Hosts(DeviceEntry device)
    {
        var hosts = new List<IPAddress>();
        foreach (var entry in device.Hosts)
        {
            hosts.AddRange(PcHostRange.TryParse(entry, out var addresses) ? addresses : throw new InvalidOperationException($"device {device.Id}: host '{entry}' is not an IPv4 address or range"));
        }

        if (hosts.Count == 0 && device.Macs.Count == 0 && DeviceAddress.TryParse(device.Address, 0, out var address) && IPAddress.TryParse(address.Host, out var single))
        {
            hosts.Add(single);
        }

        return hosts;
    }

    private static async Task<IReadOnlyList<IcmpResult>> PingAllAsync(List<IPAddress> hosts, DeviceProfile profile, CancellationToken cancellationToken)
    {
        var results = new IcmpResult[hosts.Count];
        await Parallel.ForAsync(0, hosts.Count, new ParallelOptions { MaxDegreeOfParallelism = profile.IcmpParallelism, CancellationToken = cancellationToken }, async (i, token) =>
            results[i] = await IcmpProbe.PingAsync(hosts[i].ToString(), profile.IcmpTimeout, token).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }
}
