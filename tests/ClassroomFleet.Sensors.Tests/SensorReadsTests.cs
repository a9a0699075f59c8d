namespace ClassroomFleet.Sensors.Tests;

public sealed class SensorReadsTests
{
    [Fact]
    public async Task A_Folder_That_Vanishes_Mid_Read_Is_Missing()
    {
        // What Directory.GetDirectories throws when the bus folder is removed between the existence check and the listing.
        var result = await SensorReads.GuardAsync("top", "/sys/bus/iio/devices", _ => throw new DirectoryNotFoundException("Could not find a part of the path"), CancellationToken.None);

        Assert.Equal(SensorFaultKind.Missing, result.Fault!.Kind);
        Assert.Equal("top", result.Fault.Sensor);
    }

    [Fact]
    public async Task Other_Io_Failures_Are_Unreadable()
    {
        var result = await SensorReads.GuardAsync("top", "/sys/x", _ => throw new IOException("Input/output error"), CancellationToken.None);

        Assert.Equal(SensorFaultKind.Unreadable, result.Fault!.Kind);
    }

    [Fact]
    public async Task Cancellation_Still_Throws()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await SensorReads.GuardAsync("top", "/sys/x", ct => { ct.ThrowIfCancellationRequested(); return ValueTask.FromResult<SensorReadResult>(null!); }, cts.Token));
    }
}
