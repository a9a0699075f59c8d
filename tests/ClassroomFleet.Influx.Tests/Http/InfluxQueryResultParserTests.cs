using System.Text;
using ClassroomFleet.Influx.Http;

namespace ClassroomFleet.Influx.Tests.Http;

public sealed class InfluxQueryResultParserTests
{
    [Fact]
    public void Reads_statements_series_tags_columns_and_typed_cells()
    {
        var json = """
            {"results":[
              {"statement_id":0,"series":[{"name":"iface","tags":{"device":"交换机-1"},"columns":["time","in","up","alias"],
                "values":[[1700000000000000000,12,true,"三年级"],[1700000001000000000,null,false,null]]}]},
              {"statement_id":1,"error":"database not found: x"}
            ]}
            """;

        var result = InfluxQueryResultParser.Parse(Encoding.UTF8.GetBytes(json));

        Assert.Equal(2, result.Statements.Count);
        var series = Assert.Single(result.Series);
        Assert.Equal("iface", series.Name);
        Assert.Equal("交换机-1", series.Tags["device"]);
        Assert.Equal(["time", "in", "up", "alias"], series.Columns);
        Assert.Equal(1_700_000_000_000_000_000, series.GetInt64(0, "time"));
        Assert.Equal(12, series.GetInt64(0, "in"));
        Assert.Null(series.GetInt64(1, "in"));
        Assert.False(series.GetBoolean(1, "up"));
        Assert.Equal("三年级", series.GetString(0, "alias"));
        Assert.Null(series.GetString(1, "alias"));
        Assert.Equal("database not found: x", result.FirstError);
        Assert.Throws<KeyNotFoundException>(() => series.Cell(0, "nope"));
    }

    [Fact]
    public void Statement_without_series_has_none()
    {
        var result = InfluxQueryResultParser.Parse("""{"results":[{"statement_id":0}]}"""u8.ToArray());
        Assert.Empty(result.Series);
        Assert.Null(result.FirstError);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"results":[{"statement_id":"zero"}]}""")]
    public void Garbage_is_a_clear_query_exception(string text)
    {
        Assert.Throws<InfluxQueryException>(() => InfluxQueryResultParser.Parse(Encoding.UTF8.GetBytes(text)));
    }
}
