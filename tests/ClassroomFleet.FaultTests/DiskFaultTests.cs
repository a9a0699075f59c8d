using System.Buffers.Binary;
using System.Diagnostics;
using ClassroomFleet.Agent.Outbox;
using Xunit.Abstractions;

namespace ClassroomFleet.FaultTests;

/// <summary>The agent's state folder full, read-only, or holding a corrupt segment: it keeps running and counts exactly what it drops.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
[Trait("requires", "root")]
public sealed class DiskFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_Full_Outbox_Disk_Drops_New_Points_As_DiskFull_And_Missing_Equals_Dropped()
    {
        await using var rig = new FaultRig(output);
        await rig.StartAsync(devices: 10, interval: "250ms");
        await Run("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", rig.StateDirectory);
        try
        {
            // No self-telemetry batches: every batch is then a synthetic one, and the drop counter must equal the ledger's.
            await using var agent = rig.StartAgent(run: 1, extra: new Dictionary<string, string>
            {
                ["Outbox__SegmentBytes"] = "16384",
                ["Agent__SelfTelemetryInterval"] = "01:00:00",
            });
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (!rig.Ledger.Values.Contains("disk_full") && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }

            Assert.Equal(503, await rig.HealthStatusAsync());
            await Task.Delay(2000);
            await rig.StartFleetAsync();
            await rig.WaitForCollectedAsync(TimeSpan.FromSeconds(60));
            // The agent goes on dropping until acknowledged segments free the disk; once the drops stop, its counter and
            // its ledger must agree, and the final snapshot is taken only then.
            var metrics = await DropsSettledAsync(rig);
            var stored = await rig.WaitForCollectedAsync(TimeSpan.FromSeconds(30));
            rig.Log($"outbox depth {metrics.GetValueOrDefault("cf_agent_outbox_depth")}, in flight {metrics.GetValueOrDefault("cf_agent_outbox_in_flight")}, acknowledged {metrics.GetValueOrDefault("cf_agent_outbox_acknowledged_total")}, appended {metrics.GetValueOrDefault("cf_agent_outbox_appended_total")}");
            await agent.StopAsync();

            var (missing, dropped) = rig.Account("outbox on a full 256 KiB tmpfs", stored);
            Assert.NotEmpty(dropped);
            Assert.All(dropped, n => Assert.Equal("disk_full", rig.Ledger[n]));
            Assert.Equal(dropped, missing);
            Assert.Equal(dropped.Count, metrics[DiskFullDrops]);
            Assert.Contains(rig.Ledger.Values, v => v == "S");
        }
        finally
        {
            await Run("umount", rig.StateDirectory);
        }
    }

    private const string DiskFullDrops = "cf_agent_outbox_dropped_total{reason=\"disk_full\"}";

    /// <summary>The agent's metrics once its disk_full counter has stopped moving and equals the ledger's disk_full points (30 s at most).</summary>
    private static async Task<Dictionary<string, double>> DropsSettledAsync(FaultRig rig)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var metrics = await rig.MetricsAsync();
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000);
            var next = await rig.MetricsAsync();
            var counted = next.GetValueOrDefault(DiskFullDrops);
            if (counted == metrics.GetValueOrDefault(DiskFullDrops) && counted == rig.Ledger.Values.Count(v => v == "disk_full"))
            {
                return next;
            }

            metrics = next;
        }

        return metrics;
    }

    [Fact]
    public async Task A_Read_Only_State_Folder_Keeps_The_Agent_Running_And_Counts_Every_Point_As_ReadOnly()
    {
        await using var rig = new FaultRig(output);
        await rig.StartAsync(devices: 10, interval: "250ms");
        await rig.StartFleetAsync();
        Directory.CreateDirectory(Path.Combine(rig.StateDirectory, "outbox"));
        await Run("mount", "--bind", rig.StateDirectory, rig.StateDirectory);
        await Run("mount", "-o", "remount,ro,bind", rig.StateDirectory);
        try
        {
            await using var agent = rig.StartAgent(run: 1);
            await rig.WaitForLedgerAsync(40, TimeSpan.FromSeconds(30));
            Assert.False(agent.HasExited, agent.Errors);
            Assert.Equal(503, await rig.HealthStatusAsync());
            var metrics = await rig.MetricsAsync();
            await agent.StopAsync();
            var stored = await rig.WaitForCollectedAsync(TimeSpan.Zero);

            var (missing, dropped) = rig.Account("read-only state folder", stored);
            Assert.True(dropped.Count > 20);
            Assert.All(dropped, n => Assert.Equal("read_only", rig.Ledger[n]));
            Assert.Equal(dropped, missing);
            Assert.True(metrics["cf_agent_outbox_dropped_total{reason=\"read_only\"}"] >= dropped.Count - 10);
        }
        finally
        {
            await Run("umount", rig.StateDirectory);
        }
    }

    [Fact]
    public async Task A_Corrupt_Segment_At_Start_Is_Quarantined_The_Rest_Replayed_And_Missing_Equals_The_Counted_Loss()
    {
        await using var rig = new FaultRig(output);
        await rig.StartAsync(devices: 5, interval: "250ms");

        // Collect with the fleet down, then kill: everything waits in the outbox.
        var first = rig.StartAgent(run: 1);
        await rig.WaitForLedgerAsync(60, TimeSpan.FromSeconds(30));
        await first.KillAsync();
        await first.DisposeAsync();

        var segment = Directory.GetFiles(Path.Combine(rig.StateDirectory, "outbox"), "seg-*.log").Order().First();
        var bytes = await File.ReadAllBytesAsync(segment);
        // The first synthetic record from the sixth on (the agent's own telemetry records carry no n).
        var index = 5;
        long? victimN;
        while ((victimN = SyntheticNAt(bytes, OffsetOfRecord(bytes, index))) is null)
        {
            index++;
        }

        var victim = OffsetOfRecord(bytes, index);
        bytes[victim + SegmentCodec.RecordHeaderSize + 30] ^= 0xFF;
        await File.WriteAllBytesAsync(segment, bytes);

        await rig.StartFleetAsync();
        await using var second = rig.StartAgent(run: 2);
        var stored = await rig.WaitForCollectedAsync(TimeSpan.FromSeconds(60), lost: new HashSet<long> { victimN.Value });
        await Task.Delay(1000);
        var metrics = await rig.MetricsAsync();

        var (missing, _) = rig.Account("corrupt segment at start", stored);
        Assert.Equal(1, metrics["cf_agent_outbox_dropped_total{reason=\"corrupt\"}"]);
        Assert.Equal(1, metrics["cf_agent_outbox_quarantined_segments_total"]);
        Assert.Equal([victimN.Value], missing);

        Assert.Single(Directory.GetFiles(Path.Combine(rig.StateDirectory, "outbox", "quarantine")));
    }

    private static int OffsetOfRecord(byte[] segment, int index)
    {
        var at = SegmentCodec.HeaderSize;
        for (var i = 0; i < index; i++)
        {
            at += SegmentCodec.RecordHeaderSize + (int)BinaryPrimitives.ReadUInt32LittleEndian(segment.AsSpan(at + 4));
        }

        return at;
    }

    private static long? SyntheticNAt(byte[] segment, int offset)
    {
        if (SegmentCodec.TryReadRecord(segment.AsSpan(offset), out var record) != RecordStatus.Complete)
        {
            return null;
        }

        using var points = System.Text.Json.JsonDocument.Parse(segment.AsMemory(offset + record.PointsOffset, record.PointsLength));
        var point = points.RootElement[0];
        return point.GetProperty("measurement").GetString() == "synthetic" ? point.GetProperty("int").GetProperty("n").GetInt64() : null;
    }

    private static async Task Run(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardError = true })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} {string.Join(' ', args)}: {error}");
    }
}
