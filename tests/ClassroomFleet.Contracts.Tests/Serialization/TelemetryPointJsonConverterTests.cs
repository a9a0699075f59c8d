using System.Text;
using System.Text.Json;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;

namespace ClassroomFleet.Contracts.Tests.Serialization;

public class TelemetryPointJsonConverterTests
{
    private static TelemetryPoint Read(string json) =>
        JsonSerializer.Deserialize(json, ContractJsonContext.Default.TelemetryPoint) ?? throw new InvalidOperationException("null");

    [Fact]
    public void Writes_The_Contract_Members_And_Leaves_Out_Absent_Field_Groups()
    {
        var point = new TelemetryPoint
        {
            Measurement = "uplink",
            TimestampNs = 42,
            Tags = new Dictionary<string, string> { ["room"] = "机房" },
            Integers = new Dictionary<string, long> { ["bps"] = 10_000_000 },
        };

        var json = JsonSerializer.Serialize(point, ContractJsonContext.Default.TelemetryPoint);

        Assert.Equal("{\"measurement\":\"uplink\",\"time_ns\":42,\"tags\":{\"room\":\"\\u673A\\u623F\"},\"int\":{\"bps\":10000000}}", json);
        Assert.Equal(point.Integers, Read(json).Integers);
        Assert.Equal("机房", Read(json).Tags["room"]);
    }

    [Fact]
    public void Unknown_Members_Are_Skipped_Null_Groups_Are_Absent_And_A_Repeated_Key_Keeps_Its_Last_Value()
    {
        var point = Read("{\"note\":{\"deep\":[1,2,{\"x\":null}]},\"time_ns\":5,\"measurement\":\"device\",\"tags\":null,"
            + "\"float\":{\"t\":1.5,\"t\":2.5},\"str\":null,\"bool\":{\"up\":false}}");

        Assert.Equal("device", point.Measurement);
        Assert.Equal(5, point.TimestampNs);
        Assert.Empty(point.Tags);
        Assert.Equal(2.5, Assert.Single(point.Floats!).Value);
        Assert.Null(point.Strings);
        Assert.Null(point.Integers);
        Assert.False(point.Booleans!["up"]);
    }

    [Theory]
    [InlineData("{\"time_ns\":5,\"float\":{\"t\":1}}")] // no measurement
    [InlineData("{\"measurement\":\"device\",\"float\":{\"t\":1}}")] // no time
    [InlineData("{\"measurement\":\"device\",\"time_ns\":5.5,\"float\":{\"t\":1}}")]
    [InlineData("{\"measurement\":\"device\",\"time_ns\":\"5\",\"float\":{\"t\":1}}")]
    [InlineData("{\"measurement\":\"device\",\"time_ns\":5,\"float\":{\"t\":\"1\"}}")]
    [InlineData("{\"measurement\":\"device\",\"time_ns\":5,\"int\":{\"n\":1.5}}")]
    [InlineData("{\"measurement\":\"device\",\"time_ns\":5,\"int\":{\"n\":9223372036854775808}}")]
    [InlineData("{\"measurement\":\"device\",\"time_ns\":5,\"bool\":{\"b\":1}}")]
    [InlineData("{\"measurement\":\"device\",\"time_ns\":5,\"tags\":{\"room\":3}}")]
    [InlineData("{\"measurement\":\"device\",\"time_ns\":5,\"tags\":[\"room\"]}")]
    [InlineData("{\"measurement\":7,\"time_ns\":5}")]
    [InlineData("[]")]
    public void A_Point_Of_The_Wrong_Shape_Fails_The_Whole_Batch_As_Malformed(string point)
    {
        var batch = "{\"schema\":1,\"county\":\"410323\",\"school\":\"4141032301\",\"device\":\"d\",\"kind\":\"k\",\"agent\":\"a\",\"seq\":1,\"points\":[" + point + "]}";

        var ex = Assert.Throws<ContractDecodeException>(() =>
            ContractSerializer.Deserialize(Encoding.UTF8.GetBytes(batch), ContractJsonContext.Default.TelemetryBatch, b => b.Schema));

        Assert.Equal(DecodeFailure.MalformedJson, ex.Failure);
    }
}
