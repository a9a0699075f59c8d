using System.Collections.Concurrent;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.School;

namespace ClassroomFleet.Agent.Devices.Switch.Tables;

/// <summary>
/// The forwarding and ARP tables of each switch, read at most once per <see cref="MaxAge"/>: the PC groups of a school
/// and the switch poller (which gives per-port series to ports with a registered device) share one walk. Callers that
/// arrive while a read is in flight wait for that read instead of starting another.
/// </summary>
public sealed class SwitchTablesCache(SnmpTargetFactory targets, ForwardingTableReader reader, DeviceProfileCatalog profiles, TimeProvider time)
{
    /// <summary>PCs are counted against tables no older than this; forwarding entries themselves age out after 300 s by default (RFC 4188 dot1dTpAgingTime).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(20);

    private readonly ConcurrentDictionary<string, Lazy<Task<SwitchTables>>> _reads = new(StringComparer.Ordinal);

    /// <summary>The last tables read, if any, without reading (for the switch poller's port selection).</summary>
    public SwitchTables? Peek(string switchId) =>
        _reads.TryGetValue(switchId, out var read) && read.IsValueCreated && read.Value.IsCompletedSuccessfully ? read.Value.Result : null;

    public async Task<SwitchTables> GetAsync(DeviceEntry switchDevice, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var current = _reads.GetOrAdd(switchDevice.Id, _ => NewRead(switchDevice));
            var task = current.Value;
            if (task.IsCompletedSuccessfully && time.GetUtcNow() - task.Result.ReadAt > MaxAge)
            {
                _reads.TryUpdate(switchDevice.Id, NewRead(switchDevice), current);
                continue;
            }

            try
            {
                return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                // A failed read is not cached: the next caller tries again.
                _reads.TryRemove(new KeyValuePair<string, Lazy<Task<SwitchTables>>>(switchDevice.Id, current));
                throw;
            }
        }
    }

    private Lazy<Task<SwitchTables>> NewRead(DeviceEntry switchDevice) => new(() => ReadAsync(switchDevice));

    // Not tied to one caller's token: the read is shared, and bounded by the switch profile's budget instead.
    private async Task<SwitchTables> ReadAsync(DeviceEntry switchDevice)
    {
        var profile = profiles.Resolve(switchDevice);
        using var budget = new CancellationTokenSource(profile.Budget ?? TimeSpan.FromSeconds(20));
        var target = await targets.CreateAsync(switchDevice, profile, budget.Token).ConfigureAwait(false);
        return await reader.ReadAsync(target, profile, budget.Token).ConfigureAwait(false);
    }
}
