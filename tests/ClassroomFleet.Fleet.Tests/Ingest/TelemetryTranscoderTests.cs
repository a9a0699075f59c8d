using System.Text;
using System.Text.Json;
using ClassroomFleet.Contracts.Influx;
using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Fleet.Ingest;
using ClassroomFleet.Influx.LineProtocol;
using FsCheck;
using FsCheck.Fluent;

namespace ClassroomFleet.Fleet.Tests.Ingest;

/// <summary>
/// The fast path must change nothing but speed: for every point it either writes exactly the line the object path
/// (decode, <see cref="TelemetryValidator.ValidatePoint"/>, <see cref="TelemetryLineProtocol"/>) writes, or leaves the
/// point to the object path; and it never takes a batch the object path would reject.
/// </summary>
public sealed class TelemetryTranscoderTests
{
    private static readonly string[] Names = ["interface", "device", "uplink", "", "#comment", "a b", "a,b", "机房", "x\n", new string('m', 129)];
    private static readonly string[] Keys = ["if_name", "room", "in_bps", "a=b", "a b", "zz", "", "county", "time", "k\n", "尾", "\\", "k\\", new string('k', 129)];
    private static readonly string[] Values = ["Gi1/0/1", "网络 机房", "3,2", "a=b", "", "v\n", "end\\", "\\x", "\"q\"", new string('v', 4097), "\ud800"];

    private static readonly Gen<TelemetryPoint> Points =
        from measurement in Gen.Elements(Names)
        from time in Gen.Elements(1_763_800_000_000_000_000L, 1L, 0L, -5L, long.MaxValue)
        from tags in Map(Gen.Elements(Values))
        from floats in Gen.Elements(true, false).SelectMany(has => has ? Map(Gen.Elements(2.5, 0.0, -0.0, 1e308, 5e-324, 1e21, 0.1)).Select(m => (IReadOnlyDictionary<string, double>?)m) : Gen.Constant<IReadOnlyDictionary<string, double>?>(null))
        from integers in Gen.Elements(true, false).SelectMany(has => has ? Map(Gen.Elements(0L, 7L, long.MinValue, long.MaxValue)).Select(m => (IReadOnlyDictionary<string, long>?)m) : Gen.Constant<IReadOnlyDictionary<string, long>?>(null))
        from strings in Gen.Elements(true, false).SelectMany(has => has ? Map(Gen.Elements(Values)).Select(m => (IReadOnlyDictionary<string, string>?)m) : Gen.Constant<IReadOnlyDictionary<string, string>?>(null))
        from booleans in Gen.Elements(true, false).SelectMany(has => has ? Map(Gen.Elements(true, false)).Select(m => (IReadOnlyDictionary<string, bool>?)m) : Gen.Constant<IReadOnlyDictionary<string, bool>?>(null))
        select new TelemetryPoint { Measurement = measurement, TimestampNs = time, Tags = tags, Floats = floats, Integers = integers, Strings = strings, Booleans = booleans };

    private static Gen<IReadOnlyDictionary<string, T>> Map<T>(Gen<T> values) =>
        Gen.ListOf(Gen.Zip(Gen.Elements(Keys), values)).Select(pairs =>
        {
            var map = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var (key, value) in pairs.Take(5))
            {
                map[key] = value;
            }

            return (IReadOnlyDictionary<string, T>)map;
        });

    private static TelemetryBatch Batch(IReadOnlyList<TelemetryPoint> points) => new()
    {
        County = "410323", School = "4141032301", Device = "sw-core-1", Kind = "switch", Agent = "gw-1", Sequence = 9, Points = points,
    };

    /// <summary>The object path's line for a point, or null when it quarantines the point.</summary>
    private static string? ObjectLine(TelemetryPoint point)
    {
        if (TelemetryValidator.ValidatePoint(point) is not null)
        {
            return null;
        }

        using var buffer = new LineProtocolBuffer();
        try
        {
            TelemetryLineProtocol.Append(buffer, "410323", "4141032301", "sw-core-1", point);
        }
        catch (ArgumentException)
        {
            return null;
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static List<string> Lines(LineProtocolBuffer buffer) =>
        Enumerable.Range(0, buffer.LineCount).Select(i => Encoding.UTF8.GetString(buffer.GetLine(i).Span)).ToList();

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Every_Point_Is_Written_As_The_Object_Path_Writes_It_Or_Left_To_It() =>
        Prop.ForAll(Gen.ListOf(Points).Select(p => p.Take(8).ToList()).ToArbitrary(), points =>
        {
            var payload = ContractSerializer.Serialize(Batch(points), ContractJsonContext.Default.TelemetryBatch);
            using var buffer = new LineProtocolBuffer();

            var result = TelemetryTranscoder.TryTranscode(payload, buffer);

            Assert.NotNull(result);
            Assert.Equal(points.Count, result.PointCount);
            Assert.Equal(("410323", "4141032301", "sw-core-1", "switch", "gw-1", 9L), (result.Header.County, result.Header.School, result.Header.Device, result.Header.Kind, result.Header.Agent, result.Header.Sequence));
            var left = result.SlowPoints.Select(r => JsonSerializer.Deserialize(payload.AsSpan()[r], ContractJsonContext.Default.TelemetryPoint)!).ToList();
            var produced = Lines(buffer).Concat(left.Select(ObjectLine).OfType<string>()).Order(StringComparer.Ordinal);
            // The object path as the service runs it: on the decoded payload (the JSON writer replaces a lone surrogate, say).
            var decoded = ContractSerializer.Deserialize(payload, ContractJsonContext.Default.TelemetryBatch, b => b.Schema).Points;
            var expected = decoded.Select(ObjectLine).OfType<string>().Order(StringComparer.Ordinal);
            Assert.Equal(expected, produced);
            Assert.Equal(points.Count, Lines(buffer).Count + left.Count);
        });

    [Fact]
    public void The_Agents_Own_Points_Take_The_Fast_Path_Whole()
    {
        var points = Enumerable.Range(1, 20).Select(port => new TelemetryPoint
        {
            Measurement = "interface",
            TimestampNs = 1_763_800_000_000_000_000 + port,
            Tags = new Dictionary<string, string> { ["if_name"] = $"Gi1/0/{port}", ["room"] = "网络机房" },
            Floats = new Dictionary<string, double> { ["in_bps"] = 1.5e6, ["out_bps"] = 0.25 },
            Integers = new Dictionary<string, long> { ["in_octets"] = long.MaxValue },
            Strings = new Dictionary<string, string> { ["alias"] = "上行 \"ISP\"" },
            Booleans = new Dictionary<string, bool> { ["oper_up"] = true },
        }).ToList();
        var payload = ContractSerializer.Serialize(Batch(points), ContractJsonContext.Default.TelemetryBatch);
        using var buffer = new LineProtocolBuffer();

        var result = TelemetryTranscoder.TryTranscode(payload, buffer);

        Assert.NotNull(result);
        Assert.Empty(result.SlowPoints);
        Assert.Equal(points.Select(ObjectLine), Lines(buffer));
    }

    [Theory]
    [InlineData("{\"schema\":1,\"county\":\"410323\",\"school\":\"4141032301\",\"device\":\"d\",\"kind\":\"k\",\"agent\":\"a\",\"seq\":1,\"points\":[")] // truncated
    [InlineData("{\"schema\":2,\"county\":\"410323\",\"school\":\"4141032301\",\"device\":\"d\",\"kind\":\"k\",\"agent\":\"a\",\"seq\":1,\"points\":[]}")] // schema
    [InlineData("{\"schema\":1,\"points\":[],\"county\":\"410323\",\"school\":\"4141032301\",\"device\":\"d\",\"kind\":\"k\",\"agent\":\"a\",\"seq\":1}")] // header after points
    [InlineData("{\"schema\":1,\"county\":\"410323\",\"school\":\"4141032301\",\"device\":\"d\",\"kind\":\"k\",\"seq\":1,\"points\":[]}")] // no agent
    [InlineData("{\"schema\":1,\"county\":\"410323\",\"county\":\"410324\",\"school\":\"4141032301\",\"device\":\"d\",\"kind\":\"k\",\"agent\":\"a\",\"seq\":1,\"points\":[]}")] // repeated
    [InlineData("{\"schema\":1,\"county\":\"410323\",\"school\":\"4141032301\",\"device\":\"d\",\"kind\":\"k\",\"agent\":\"a\",\"seq\":\"1\",\"points\":[]}")] // seq as text
    [InlineData("{\"schema\":1,\"county\":\"410323\",\"school\":\"4141032301\",\"device\":\"d\",\"kind\":\"k\",\"agent\":\"a\",\"seq\":1,\"points\":null}")]
    [InlineData("[]")]
    public void A_Batch_The_Object_Path_Must_Judge_Is_Not_Taken(string json)
    {
        using var buffer = new LineProtocolBuffer();

        Assert.Null(TelemetryTranscoder.TryTranscode(Encoding.UTF8.GetBytes(json), buffer));
        Assert.Equal(0, buffer.LineCount);
    }

    [Fact]
    public void Points_Of_Another_Member_Order_Or_Shape_Are_Left_To_The_Object_Path_By_Their_Bytes()
    {
        string[] points =
        [
            "{\"time_ns\":5,\"measurement\":\"device\",\"float\":{\"up\":1}}", // measurement not first
            "{\"measurement\":\"device\",\"float\":{\"up\":1},\"tags\":{\"room\":\"3\"},\"time_ns\":5}", // tags after fields
            "{\"measurement\":\"device\",\"time_ns\":5,\"float\":{\"up\":1,\"up\":2}}", // repeated key
            "{\"measurement\":\"device\",\"time_ns\":5,\"float\":{\"up\":\"1\"}}", // wrong type: the object path fails the batch
            "7",
            "null",
            "{\"measurement\":\"device\",\"time_ns\":5,\"note\":[1,{\"a\":2}],\"float\":{\"up\":1}}", // unknown member: fast
        ];
        var json = "{\"schema\":1,\"county\":\"410323\",\"school\":\"4141032301\",\"device\":\"d\",\"kind\":\"k\",\"agent\":\"a\",\"seq\":1,\"points\":[" + string.Join(",", points) + "]}";
        var payload = Encoding.UTF8.GetBytes(json);
        using var buffer = new LineProtocolBuffer();

        var result = TelemetryTranscoder.TryTranscode(payload, buffer);

        Assert.NotNull(result);
        Assert.Equal(7, result.PointCount);
        Assert.Equal(points[..6], result.SlowPoints.Select(r => Encoding.UTF8.GetString(payload.AsSpan()[r])));
        Assert.Equal(["device,county=410323,device=d,school=4141032301 up=1 5\n"], Lines(buffer));
    }
}
