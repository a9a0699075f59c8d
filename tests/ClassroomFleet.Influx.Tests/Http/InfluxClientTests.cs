using System.Text;
using ClassroomFleet.Influx.Http;
using ClassroomFleet.Influx.LineProtocol;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Influx.Tests.Http;

/// <summary>The v1 API client against the real influxd 1.6.7.</summary>
[Trait("Category", "Integration")]
[Trait("requires", "influxd")]
public sealed class InfluxClientTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Write_is_accepted_with_and_without_gzip(bool gzip)
    {
        await using var database = await InfluxTestDatabase.CreateAsync();
        var client = database.CreateClient(gzip);
        using var buffer = new LineProtocolBuffer();
        for (var i = 0; i < 5000; i++)
        {
            buffer.Point("iface").Tag("ifIndex", i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Field("inOctets", i * 10L).Timestamp(1_000_000_000L + i);
        }

        var result = await client.WriteAsync(buffer.WrittenMemory);

        Assert.True(result.IsSuccess, result.ToString());
        var count = (await client.QueryAsync("SELECT count(inOctets) FROM iface")).EnsureSuccess();
        Assert.Equal(5000, count.Series[0].GetInt64(0, "count"));
        var sum = (await client.QueryAsync("SELECT sum(inOctets) FROM iface")).EnsureSuccess();
        Assert.Equal(10L * 4999 * 5000 / 2, sum.Series[0].GetInt64(0, "sum"));
    }

    [Fact]
    public async Task Bad_line_is_rejected_with_the_servers_text_and_the_good_lines_are_stored()
    {
        await using var database = await InfluxTestDatabase.CreateAsync();
        var body = "m,t=a v=1i 1000\nm,t=b v=abc 2000\nm,t=c v=3i 3000\n"u8.ToArray();

        var result = await database.Client.WriteAsync(body);

        Assert.Equal(WriteOutcome.Rejected, result.Outcome);
        Assert.Equal(400, result.StatusCode);
        Assert.True(result.IsRejectedForPoints);
        Assert.Contains("unable to parse 'm,t=b v=abc 2000'", result.Error, StringComparison.Ordinal);
        Assert.True(result.Details!.IsPartialWrite);
        var bad = Assert.Single(result.Details.UnparsableLines);
        Assert.Equal("m,t=b v=abc 2000", bad.Line);
        Assert.Equal("invalid boolean", bad.Reason);
        Assert.Equal(0, result.Details.Dropped);
        var stored = (await database.Client.QueryAsync("SELECT count(v) FROM m")).EnsureSuccess();
        Assert.Equal(2, stored.Series[0].GetInt64(0, "count"));
    }

    [Fact]
    public async Task Field_type_conflict_is_rejected_with_dropped_count()
    {
        await using var database = await InfluxTestDatabase.CreateAsync();
        Assert.True((await database.Client.WriteAsync("m v=1i 1\n"u8.ToArray())).IsSuccess);

        var result = await database.Client.WriteAsync("m v=2i 2\nm v=2.5 3\nm v=\"x\" 4\n"u8.ToArray());

        Assert.Equal(400, result.StatusCode);
        Assert.Contains("field type conflict", result.Error, StringComparison.Ordinal);
        Assert.Equal(2, result.Details!.Dropped);
        Assert.Empty(result.Details.UnparsableLines);
    }

    [Fact]
    public async Task Missing_database_is_rejected_with_404()
    {
        using var http = new HttpClient();
        var client = new InfluxClient(http, InfluxTestDatabase.Options(ServiceEndpoints.Influx, InfluxTestDatabase.NewName()));

        var result = await client.WriteAsync("m v=1i 1\n"u8.ToArray());

        Assert.Equal(WriteOutcome.Rejected, result.Outcome);
        Assert.Equal(404, result.StatusCode);
        Assert.False(result.IsRejectedForPoints);
        Assert.StartsWith("database not found", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ping_answers_true_for_influxd_and_false_for_a_closed_port()
    {
        await using var database = await InfluxTestDatabase.CreateAsync();
        Assert.True(await database.Client.PingAsync());

        using var http = new HttpClient();
        var closed = new InfluxClient(http, InfluxTestDatabase.Options(new Uri($"http://127.0.0.1:{FreePort.Tcp()}"), "x"));
        Assert.False(await closed.PingAsync());
    }

    [Fact]
    public async Task Write_to_a_closed_port_is_retryable_without_status()
    {
        using var http = new HttpClient();
        var closed = new InfluxClient(http, InfluxTestDatabase.Options(new Uri($"http://127.0.0.1:{FreePort.Tcp()}"), "x"));

        var result = await closed.WriteAsync("m v=1i 1\n"u8.ToArray());

        Assert.Equal(WriteOutcome.Retryable, result.Outcome);
        Assert.Null(result.StatusCode);
    }

    [Fact]
    public async Task Query_syntax_error_throws_with_the_servers_text()
    {
        await using var database = await InfluxTestDatabase.CreateAsync();
        var error = await Assert.ThrowsAsync<InfluxQueryException>(() => database.Client.QueryAsync("SELEKT * FROM m"));
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("error parsing query", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statement_error_is_reported_per_statement()
    {
        await using var database = await InfluxTestDatabase.CreateAsync();
        var result = await database.Client.QueryAsync("SHOW MEASUREMENTS; SELECT * FROM m WHERE time > now() GROUP BY time(1m) fill(none)");
        Assert.Equal(2, result.Statements.Count);
        Assert.Null(result.Statements[0].Error);
        Assert.NotNull(result.FirstError);
        Assert.Throws<InfluxQueryException>(() => result.EnsureSuccess());
    }

    [Fact]
    public async Task Create_and_drop_database_with_a_quoted_name()
    {
        using var http = new HttpClient();
        var name = InfluxTestDatabase.NewName() + " 学校\"x";
        var client = new InfluxClient(http, InfluxTestDatabase.Options(ServiceEndpoints.Influx, name));
        await client.CreateDatabaseAsync(name);
        try
        {
            Assert.True((await client.WriteAsync(Encoding.UTF8.GetBytes("m v=1i 1\n"))).IsSuccess);
            var databases = (await client.QueryAsync("SHOW DATABASES")).EnsureSuccess().Series[0];
            Assert.Contains(databases.Values, row => row[0].GetString() == name);
        }
        finally
        {
            await client.DropDatabaseAsync(name);
        }
    }
}
