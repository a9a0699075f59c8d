namespace ClassroomFleet.Agent.Devices.Recorder;

/// <summary>HOST-RESOURCES readings: average processor load in percent (null when not offered) and the fixed disks.</summary>
public sealed record HostResources(double? ProcessorLoadPercent, IReadOnlyList<HostDisk> Disks)
{
    public long DiskFreeBytes => Disks.Sum(d => d.FreeBytes);

    public long DiskSizeBytes => Disks.Sum(d => d.SizeBytes);
}
