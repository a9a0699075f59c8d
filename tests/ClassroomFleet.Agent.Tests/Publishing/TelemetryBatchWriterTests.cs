using System.Text.Json;
using ClassroomFleet.Agent.Outbox;
using ClassroomFleet.Agent.Publishing;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;

namespace ClassroomFleet.Agent.Tests.Publishing;

public sealed class TelemetryBatchWriterTests
{
    [Fact]
    public void The_Written_Batch_Decodes_With_The_Contract_Serializer_To_The_Same_Envelope_And_Points()
    {
        IReadOnlyList<TelemetryPoint> points =
        [
            new TelemetryPoint
            {
                Measurement = "interface",
                TimestampNs = 1_763_800_000_123_456_789,
                Tags = new Dictionary<string, string> { ["if_name"] = "Gi1/0/49" },
                Floats = new Dictionary<string, double> { ["in_bps"] = 80012345.6 },
                Integers = new Dictionary<string, long> { ["speed_mbps"] = 1000 },
                Booleans = new Dictionary<string, bool> { ["oper_up"] = true },
                Strings = new Dictionary<string, string> { ["error"] = "超时 \"quoted\"" },
            },
        ];
        var json = JsonSerializer.SerializeToUtf8Bytes(points, PointsJsonContext.Default.IReadOnlyListTelemetryPoint);
        var record = new OutboxRecord(1_763_800_000_123_001, "sw-core-1", "switch", 0, json);

        var payload = TelemetryBatchWriter.Write(record, "410323", "4141032301", "gw-1");
        var batch = ContractSerializer.Deserialize(payload, ContractJsonContext.Default.TelemetryBatch, b => b.Schema);

        Assert.Equal("410323", batch.County);
        Assert.Equal("4141032301", batch.School);
        Assert.Equal("sw-core-1", batch.Device);
        Assert.Equal("switch", batch.Kind);
        Assert.Equal("gw-1", batch.Agent);
        Assert.Equal(1_763_800_000_123_001, batch.Sequence);
        var point = Assert.Single(batch.Points);
        Assert.Equal(1_763_800_000_123_456_789, point.TimestampNs);
        Assert.Equal("Gi1/0/49", point.Tags["if_name"]);
        Assert.Equal(80012345.6, point.Floats!["in_bps"]);
        Assert.Equal(1000, point.Integers!["speed_mbps"]);
        Assert.True(point.Booleans!["oper_up"]);
        Assert.Equal("超时 \"quoted\"", point.Strings!["error"]);
    }
}
