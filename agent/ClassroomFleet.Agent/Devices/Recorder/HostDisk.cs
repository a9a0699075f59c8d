namespace ClassroomFleet.Agent.Devices.Recorder;

/// <summary>One fixed disk of hrStorageTable, in bytes.</summary>
public sealed record HostDisk(string Description, long SizeBytes, long UsedBytes)
{
    public long FreeBytes => SizeBytes - UsedBytes;
}
