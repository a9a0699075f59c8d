using ClassroomFleet.Influx.Http;

namespace ClassroomFleet.Influx.Tests.Http;

/// <summary>Answers influxd cannot be made to give on demand, from a scripted local HTTP server.</summary>
public sealed class InfluxClientStubTests
{
    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task Server_errors_and_429_are_retryable_with_retry_after(int status)
    {
        await using var server = new StubInfluxServer(new StubAnswer(status, """{"error":"busy"}""", RetryAfterSeconds: 7));
        using var http = new HttpClient();
        var client = new InfluxClient(http, InfluxTestDatabase.Options(server.Url, "db"));

        var result = await client.WriteAsync("m v=1i 1\n"u8.ToArray());

        Assert.Equal(WriteOutcome.Retryable, result.Outcome);
        Assert.Equal(status, result.StatusCode);
        Assert.Equal("busy", result.Error);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
    }

    [Fact]
    public async Task Write_sends_gzip_body_to_v1_write_with_database_rp_and_ns_precision()
    {
        await using var server = new StubInfluxServer(new StubAnswer(204));
        using var http = new HttpClient();
        var options = InfluxTestDatabase.Options(server.Url, "学校 db");
        options.RetentionPolicy = "one week";
        var client = new InfluxClient(http, options);

        Assert.True((await client.WriteAsync("m v=1i 1\n"u8.ToArray())).IsSuccess);

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/write?db=%E5%AD%A6%E6%A0%A1%20db&rp=one%20week&precision=ns", request.PathAndQuery);
        Assert.Equal("gzip", request.ContentEncoding);
        Assert.Equal("m v=1i 1\n", request.Body);
    }

    [Fact]
    public async Task Token_goes_in_the_authorization_header_and_user_in_query_parameters()
    {
        await using var server = new StubInfluxServer(new StubAnswer(204));
        using var http = new HttpClient();
        var withToken = InfluxTestDatabase.Options(server.Url, "db", gzip: false);
        withToken.Token = "s3cret";
        var withUser = InfluxTestDatabase.Options(server.Url, "db", gzip: false);
        withUser.Username = "writer";
        withUser.Password = "p&w";

        await new InfluxClient(http, withToken).WriteAsync("m v=1i 1\n"u8.ToArray());
        await new InfluxClient(http, withUser).WriteAsync("m v=1i 1\n"u8.ToArray());

        var requests = server.Requests.ToArray();
        Assert.Equal("Token s3cret", requests[0].Authorization);
        Assert.Null(requests[0].ContentEncoding);
        Assert.EndsWith("&u=writer&p=p%26w", requests[1].PathAndQuery, StringComparison.Ordinal);
        Assert.Null(requests[1].Authorization);
    }

    [Fact]
    public async Task Queries_use_get_for_reads_and_post_for_changes()
    {
        await using var server = new StubInfluxServer(new StubAnswer(200, """{"results":[{"statement_id":0}]}"""));
        using var http = new HttpClient();
        var client = new InfluxClient(http, InfluxTestDatabase.Options(server.Url, "db"));

        await client.QueryAsync("SELECT * FROM m");
        await client.QueryAsync("SHOW DATABASES");
        await client.QueryAsync("CREATE DATABASE x");
        await client.QueryAsync("SELECT * INTO b FROM m");

        Assert.Equal(["GET", "GET", "POST", "POST"], server.Requests.Select(r => r.Method).ToArray());
        Assert.Contains("q=CREATE+DATABASE+x", server.Requests.ElementAt(2).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_query_carries_the_user_in_its_url_where_influxd_reads_it_not_in_the_form_body()
    {
        await using var server = new StubInfluxServer(new StubAnswer(200, """{"results":[{"statement_id":0}]}"""));
        using var http = new HttpClient();
        var options = InfluxTestDatabase.Options(server.Url, "db");
        options.Username = "admin";
        options.Password = "a&b";

        await new InfluxClient(http, options).CreateDatabaseAsync("x");

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/query?u=admin&p=a%26b", request.PathAndQuery);
        Assert.DoesNotContain("u=admin", request.Body, StringComparison.Ordinal);
        Assert.Contains("q=CREATE+DATABASE", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeout_is_retryable()
    {
        // A listener that accepts connections and never answers.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        using var http = new HttpClient();
        var options = InfluxTestDatabase.Options(new Uri($"http://127.0.0.1:{port}"), "db");
        options.Timeout = TimeSpan.FromMilliseconds(200);
        var client = new InfluxClient(http, options);

        var result = await client.WriteAsync("m v=1i 1\n"u8.ToArray());

        Assert.Equal(WriteOutcome.Retryable, result.Outcome);
        Assert.Null(result.StatusCode);
        Assert.Contains("no answer", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caller_cancellation_throws_instead_of_reporting()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        using var http = new HttpClient();
        var client = new InfluxClient(http, InfluxTestDatabase.Options(new Uri($"http://127.0.0.1:{port}"), "db"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.WriteAsync("m v=1i 1\n"u8.ToArray(), cancel.Token));
    }

    [Fact]
    public void Options_validator_reports_every_error_with_its_key()
    {
        var result = new InfluxClientOptionsValidator().Validate(null, new InfluxClientOptions
        {
            BaseAddress = new Uri("ftp://x/"),
            Database = " ",
            Username = "u",
            Token = "t",
            Timeout = TimeSpan.Zero,
        });

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Contains(failures, f => f.StartsWith("Influx:BaseAddress", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Influx:Database", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Influx:Token", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Influx:Password", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Influx:Timeout", StringComparison.Ordinal));
    }
}
