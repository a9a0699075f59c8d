using System.Net;
using ClassroomFleet.Agent.Configuration;
using ClassroomFleet.Agent.Devices.Profiles;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Snmp;

namespace ClassroomFleet.Agent.Devices.Recorder;

/// <summary>
/// Reads HOST-RESOURCES-MIB (RFC 2790) over SNMP, read-only: processor load (hrProcessorLoad, averaged over CPUs) and
/// the fixed disks of hrStorageTable (free bytes = (size − used) × allocation units).
/// </summary>
public sealed class HostResourcesReader(SnmpClient snmp, CredentialStore credentials)
{
    public async Task<HostResources> ReadAsync(DeviceEntry device, DeviceProfile profile, CancellationToken cancellationToken = default)
    {
        var settings = device.HostResources ?? throw new InvalidOperationException($"device {device.Id} has no host_resources settings");
        var target = Target(device, settings, profile);
        var oids = profile.SnmpOids;
        double? cpu = null;
        if (oids.TryGetValue("hr_processor_load", out var loadOid))
        {
            var loads = await snmp.GetTableAsync(target, [Oid.Parse(loadOid)], cancellationToken).ConfigureAwait(false);
            long sum = 0;
            var count = 0;
            foreach (var row in loads.Rows)
            {
                if (row[0] is { } value && value.TryGetUInt64(out var load))
                {
                    sum += (long)load;
                    count++;
                }
            }

            cpu = count > 0 ? (double)sum / count : null;
        }

        var disks = new List<HostDisk>();
        if (oids.TryGetValue("hr_storage_type", out var typeOid))
        {
            var columns = new[] { typeOid, oids["hr_storage_descr"], oids["hr_storage_units"], oids["hr_storage_size"], oids["hr_storage_used"] };
            var table = await snmp.GetTableAsync(target, columns.Select(Oid.Parse).ToArray(), cancellationToken).ConfigureAwait(false);
            var diskTypes = profile.DiskStorageTypes.Select(Oid.Parse).ToHashSet();
            foreach (var row in table.Rows)
            {
                if (row[0] is ObjectIdentifier type && diskTypes.Contains(type.Value)
                    && row[2] is { } unitsValue && unitsValue.TryGetUInt64(out var units)
                    && row[3] is { } sizeValue && sizeValue.TryGetUInt64(out var size)
                    && row[4] is { } usedValue && usedValue.TryGetUInt64(out var used))
                {
                    disks.Add(new HostDisk(row[1]?.AsText() ?? "", (long)(size * units), (long)(Math.Min(used, size) * units)));
                }
            }
        }

        return new HostResources(cpu, disks);
    }

    private SnmpTarget Target(DeviceEntry device, HostResourcesEntry settings, DeviceProfile profile)
    {
        if (!DeviceAddress.TryParse(device.Address, settings.Port ?? 161, out var address) || !IPAddress.TryParse(address.Host, out var ip))
        {
            throw new InvalidOperationException($"device {device.Id}: address '{device.Address}' is not an IP address");
        }

        var port = settings.Port ?? 161;
        var credential = credentials.FindSnmp(settings.Credential)
            ?? throw new InvalidOperationException($"device {device.Id}: credential '{settings.Credential}' is not configured");
        return new SnmpTarget(new IPEndPoint(ip, port), settings.Version == "v1" ? SnmpVersion.V1 : SnmpVersion.V2c, credential.Community ?? "")
        {
            Timeout = profile.Timeout,
            MaxRepetitions = profile.MaxRepetitions,
        };
    }
}
