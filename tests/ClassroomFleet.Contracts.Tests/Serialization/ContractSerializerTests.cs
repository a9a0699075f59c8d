using System.Text;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;

namespace ClassroomFleet.Contracts.Tests.Serialization;

public class ContractSerializerTests
{
    private static TelemetryBatch Sample() => new()
    {
        County = "410323",
        School = "4141032301",
        Device = "sw-core-1",
        Kind = "switch",
        Agent = "gw-1",
        Sequence = 7,
        Points =
        [
            new TelemetryPoint
            {
                Measurement = "interface",
                TimestampNs = 1_763_800_000_123_456_789,
                Tags = new Dictionary<string, string> { ["if_name"] = "Gi1/0/49", ["room"] = "网络机房" },
                Floats = new Dictionary<string, double> { ["in_bps"] = 2.0, ["tiny"] = 1e-300 },
                Integers = new Dictionary<string, long> { ["in_octets"] = long.MaxValue },
                Strings = new Dictionary<string, string> { ["alias"] = "上行 \"ISP\"" },
                Booleans = new Dictionary<string, bool> { ["oper_up"] = true },
            },
        ],
    };

    [Fact]
    public void Round_Trip_Keeps_Every_Field_With_Its_Type()
    {
        var bytes = ContractSerializer.Serialize(Sample(), ContractJsonContext.Default.TelemetryBatch);
        var back = ContractSerializer.Deserialize(bytes, ContractJsonContext.Default.TelemetryBatch, b => b.Schema);

        var point = Assert.Single(back.Points);
        Assert.Equal(1_763_800_000_123_456_789, point.TimestampNs);
        Assert.Equal(2.0, point.Floats!["in_bps"]);
        Assert.Equal(1e-300, point.Floats["tiny"]);
        Assert.Equal(long.MaxValue, point.Integers!["in_octets"]);
        Assert.Equal("上行 \"ISP\"", point.Strings!["alias"]);
        Assert.True(point.Booleans!["oper_up"]);
        Assert.Equal("网络机房", point.Tags["room"]);
        Assert.Equal(7, back.Sequence);
    }

    [Fact]
    public void An_Integral_Float_Stays_A_Float_And_An_Integer_Stays_An_Integer()
    {
        // The JSON writer prints 2.0 as "2": the field group, not the number's spelling, carries the type.
        var json = Encoding.UTF8.GetString(ContractSerializer.Serialize(Sample(), ContractJsonContext.Default.TelemetryBatch));
        Assert.Contains("\"float\":{\"in_bps\":2", json, StringComparison.Ordinal);
        Assert.Contains("\"int\":{\"in_octets\":9223372036854775807}", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{", DecodeFailure.MalformedJson)]
    [InlineData("null", DecodeFailure.MalformedJson)]
    [InlineData("[]", DecodeFailure.MalformedJson)]
    [InlineData("{\"schema\":1}", DecodeFailure.MalformedJson)]
    [InlineData("{\"schema\":2,\"county\":\"410323\",\"school\":\"4141032301\",\"device\":\"d\",\"kind\":\"k\",\"agent\":\"a\",\"seq\":1,\"points\":[]}", DecodeFailure.UnknownSchema)]
    [InlineData("{\"schema\":1,\"county\":\"410323\",\"school\":\"4141032301\",\"device\":\"d\",\"kind\":\"k\",\"agent\":\"a\",\"seq\":\"1\",\"points\":[]}", DecodeFailure.MalformedJson)]
    public void Malformed_Payloads_Give_A_Typed_Failure(string json, DecodeFailure expected)
    {
        var ex = Assert.Throws<ContractDecodeException>(() =>
            ContractSerializer.Deserialize(Encoding.UTF8.GetBytes(json), ContractJsonContext.Default.TelemetryBatch, b => b.Schema));
        Assert.Equal(expected, ex.Failure);
    }

    [Fact]
    public void Invalid_Utf8_Is_A_Typed_Failure()
    {
        byte[] payload = [.. "{\"county\":\""u8, 0xC3, 0x28, .. "\"}"u8];
        var ex = Assert.Throws<ContractDecodeException>(() =>
            ContractSerializer.Deserialize(payload, ContractJsonContext.Default.TelemetryBatch, b => b.Schema));
        Assert.Equal(DecodeFailure.MalformedJson, ex.Failure);
    }

    [Fact]
    public void Oversized_Payload_Is_Refused_Before_Parsing()
    {
        var payload = new byte[ContractSerializer.MaxPayloadBytes + 1];
        var ex = Assert.Throws<ContractDecodeException>(() =>
            ContractSerializer.Deserialize(payload, ContractJsonContext.Default.TelemetryBatch, b => b.Schema));
        Assert.Equal(DecodeFailure.TooLarge, ex.Failure);
    }
}
