using ClassroomFleet.Influx.Http;
using ClassroomFleet.Influx.LineProtocol;

namespace ClassroomFleet.Influx.Tests.Http;

/// <summary>Points written with nasty names and values come back from the real influxd exactly as written.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "influxd")]
public sealed class InfluxRoundTripTests
{
    public static TheoryData<string> NastyTexts => new()
    {
        "plain",
        "comma,space equals=",
        "教室 101,三年级=二班",
        "emoji 🏫🙂 and 𝄞",
        "quote \" and 'single'",
        @"back\slash in\middle",
        @"double\\backslash",
        "tab\there",
        "carriage\rreturn",
        "#hash at start",
    };

    [Theory]
    [MemberData(nameof(NastyTexts))]
    public async Task Nasty_measurement_tags_and_fields_round_trip_exactly(string text)
    {
        await using var database = await InfluxTestDatabase.CreateAsync();
        var measurement = "m " + text;
        var stringValue = text + " \"quoted\" \\ trailing\\ and\nnewline 网络";
        using var buffer = new LineProtocolBuffer();
        buffer.Point(measurement)
            .Tag("key " + text, "value " + text)
            .Tag("device", "sw-01")
            .Field("s " + text, stringValue)
            .Field("f", 0.1)
            .Field("i", long.MinValue)
            .Field("b", true)
            .Timestamp(1_700_000_000_123_456_789);

        var result = await database.Client.WriteAsync(buffer.WrittenMemory);
        Assert.True(result.IsSuccess, result.ToString());

        var query = await database.Client.QueryAsync("SELECT * FROM /.*/", "ns");
        var series = Assert.Single(query.EnsureSuccess().Series);
        Assert.Equal(measurement, series.Name);
        Assert.Single(series.Values);
        Assert.Equal(1_700_000_000_123_456_789, series.GetInt64(0, "time"));
        Assert.Equal("value " + text, series.GetString(0, "key " + text));
        Assert.Equal("sw-01", series.GetString(0, "device"));
        Assert.Equal(stringValue, series.GetString(0, "s " + text));
        Assert.Equal(0.1, series.GetDouble(0, "f"));
        Assert.Equal(long.MinValue, series.GetInt64(0, "i"));
        Assert.True(series.GetBoolean(0, "b"));
    }

    [Fact]
    public async Task Extreme_floats_and_integers_round_trip()
    {
        await using var database = await InfluxTestDatabase.CreateAsync();
        double[] floats = [0.30000000000000004, 1e21, 1e-7, double.MaxValue, double.Epsilon, -123.456, 2.5e-300];
        using var buffer = new LineProtocolBuffer();
        for (var i = 0; i < floats.Length; i++)
        {
            buffer.Point("numbers").Tag("n", i.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Field("f", floats[i]).Field("i", long.MaxValue - i).Field("u", ulong.MinValue + (ulong)i).Timestamp(1000 + i);
        }

        Assert.True((await database.Client.WriteAsync(buffer.WrittenMemory)).IsSuccess);
        var series = Assert.Single((await database.Client.QueryAsync("SELECT f, i, u, n FROM numbers", "ns")).EnsureSuccess().Series);
        Assert.Equal(floats.Length, series.Values.Count);
        for (var row = 0; row < floats.Length; row++)
        {
            var n = int.Parse(series.GetString(row, "n")!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(floats[n], series.GetDouble(row, "f"));
            Assert.Equal(long.MaxValue - n, series.GetInt64(row, "i"));
            Assert.Equal(n, series.GetInt64(row, "u"));
        }
    }

    [Fact]
    public async Task Group_by_query_returns_tags_per_series()
    {
        await using var database = await InfluxTestDatabase.CreateAsync();
        using var buffer = new LineProtocolBuffer();
        buffer.Point("iface").Tag("device", "交换机-1").Tag("ifName", "Gi1/0/1").Field("inOctets", 100L).Timestamp(1_000_000_000);
        buffer.Point("iface").Tag("device", "交换机-1").Tag("ifName", "Gi1/0/1").Field("inOctets", 300L).Timestamp(2_000_000_000);
        buffer.Point("iface").Tag("device", "交换机-2").Tag("ifName", "Gi1/0/1").Field("inOctets", 7L).Timestamp(1_000_000_000);
        Assert.True((await database.Client.WriteAsync(buffer.WrittenMemory)).IsSuccess);

        var result = await database.Client.QueryAsync("SELECT last(inOctets) AS inOctets FROM iface GROUP BY device");
        var series = result.EnsureSuccess().Series.OrderBy(s => s.Tags["device"], StringComparer.Ordinal).ToList();
        Assert.Equal(2, series.Count);
        Assert.Equal("交换机-1", series[0].Tags["device"]);
        Assert.Equal(300, series[0].GetInt64(0, "inOctets"));
        Assert.Equal("1970-01-01T00:00:02Z", series[0].GetString(0, "time"));
        Assert.Equal(7, series[1].GetInt64(0, "inOctets"));
    }
}
