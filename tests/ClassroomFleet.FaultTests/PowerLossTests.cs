using ClassroomFleet.Agent.Outbox;
using Xunit.Abstractions;

namespace ClassroomFleet.FaultTests;

/// <summary>
/// Power loss, simulated on the files: the agent is killed -9, then the end of its newest segment is cut inside a record
/// and followed by zeros, as a file system leaves blocks it had allocated but not written. The agent must start, keep
/// every record up to the last valid CRC, count the begun record as torn_tail, and lose nothing else.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
[Trait("requires", "influxd")]
public sealed class PowerLossTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_Segment_Cut_Inside_A_Record_And_Zero_Filled_Loses_Exactly_The_Cut_Records_And_Counts_The_Torn_One()
    {
        await using var rig = new FaultRig(output);
        await rig.StartAsync(devices: 5, interval: "250ms");

        // Collect with the fleet down, then kill: everything waits in the outbox.
        var first = rig.StartAgent(run: 1, extra: new Dictionary<string, string> { ["Agent__SelfTelemetryInterval"] = "01:00:00" });
        await rig.WaitForLedgerAsync(80, TimeSpan.FromSeconds(30));
        await first.KillAsync();
        await first.DisposeAsync();

        var segment = Directory.GetFiles(Path.Combine(rig.StateDirectory, "outbox"), "seg-*.log").Order().Last();
        var bytes = await File.ReadAllBytesAsync(segment);
        var records = Records(bytes);
        Assert.True(records.Count >= 20, $"only {records.Count} records in {segment}");

        // Cut 40 % into the body of the fifth-from-last record; the four after it vanish, the cut one is torn.
        var torn = records[^5];
        var cutAt = torn.Offset + SegmentCodec.RecordHeaderSize + ((torn.Length - SegmentCodec.RecordHeaderSize) * 2 / 5);
        var lostByCut = records.Skip(records.Count - 5).Select(r => r.N).ToHashSet();
        var damaged = new byte[cutAt + 16384];
        bytes.AsSpan(0, cutAt).CopyTo(damaged);
        await File.WriteAllBytesAsync(segment, damaged);

        await rig.StartFleetAsync();
        await using var second = rig.StartAgent(run: 2, extra: new Dictionary<string, string> { ["Agent__SelfTelemetryInterval"] = "01:00:00" });
        var stored = await rig.WaitForCollectedAsync(TimeSpan.FromSeconds(60), lost: lostByCut);
        var metrics = await rig.MetricsAsync();

        var (missing, dropped) = rig.Account("power loss: segment cut inside a record, zero-filled", stored);
        rig.Log($"cut {lostByCut.Count} records (n {string.Join(", ", lostByCut.Order())}), torn_tail counted {metrics.GetValueOrDefault("cf_agent_outbox_dropped_total{reason=\"torn_tail\"}")}");
        Assert.Empty(dropped);
        Assert.Equal(lostByCut, missing);
        Assert.Equal(1, metrics["cf_agent_outbox_dropped_total{reason=\"torn_tail\"}"]);
        Assert.Equal(0, metrics["cf_agent_outbox_dropped_total{reason=\"corrupt\"}"]);
        Assert.Equal(0, metrics["cf_agent_outbox_quarantined_segments_total"]);
        Assert.False(second.HasExited, second.Errors);
    }

    private static List<(int Offset, int Length, long N)> Records(byte[] segment)
    {
        var found = new List<(int, int, long)>();
        var at = SegmentCodec.HeaderSize;
        while (SegmentCodec.TryReadRecord(segment.AsSpan(at), out var record) == RecordStatus.Complete)
        {
            using var points = System.Text.Json.JsonDocument.Parse(segment.AsMemory(at + record.PointsOffset, record.PointsLength));
            var synthetic = points.RootElement.EnumerateArray().Single(p => p.GetProperty("measurement").GetString() == "synthetic");
            found.Add((at, record.TotalLength, synthetic.GetProperty("int").GetProperty("n").GetInt64()));
            at += record.TotalLength;
        }

        return found;
    }
}
