using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Influx.Http;

/// <summary>
/// A client for the InfluxDB v1 HTTP API (<c>/write</c>, <c>/query</c>, <c>/ping</c>), which InfluxDB 1.x serves
/// natively and 2.x (through DBRP mappings) and 3.x serve for compatibility. Writes never throw for server or network
/// trouble: they answer <see cref="WriteResult"/>. Only the caller's cancellation throws.
/// </summary>
public sealed class InfluxClient
{
    private static readonly MediaTypeHeaderValue LineProtocolMediaType = new("text/plain") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly ILogger _logger;
    private readonly Uri _baseAddress;
    private readonly string _writeQuery;

    public InfluxClient(HttpClient http, InfluxClientOptions options, ILogger<InfluxClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        var validation = new InfluxClientOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(nameof(InfluxClientOptions), typeof(InfluxClientOptions), validation.Failures);
        }

        _http = http;
        Options = options;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        var baseText = options.BaseAddress!.AbsoluteUri;
        _baseAddress = new Uri(baseText.EndsWith('/') ? baseText : baseText + "/");
        _writeQuery = BuildWriteQuery(options);
    }

    [ActivatorUtilitiesConstructor]
    public InfluxClient(HttpClient http, IOptions<InfluxClientOptions> options, ILogger<InfluxClient> logger)
        : this(http, options?.Value ?? throw new ArgumentNullException(nameof(options)), logger)
    {
    }

    public InfluxClientOptions Options { get; }

    /// <summary>Writes line protocol (nanosecond timestamps) to the configured database and retention policy.</summary>
    public async Task<WriteResult> WriteAsync(ReadOnlyMemory<byte> lineProtocol, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseAddress, _writeQuery));
        request.Content = Options.Gzip ? Compress(lineProtocol) : new ReadOnlyMemoryContent(lineProtocol);
        request.Content.Headers.ContentType = LineProtocolMediaType;
        Authorize(request);
        WriteResult result;
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            result = await ClassifyAsync(response, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            result = WriteResult.Retryable(null, $"no answer within {Options.Timeout.TotalSeconds:0.###} s", null);
        }
        catch (HttpRequestException e)
        {
            _logger.Unreachable(Options.BaseAddress, e.Message);
            result = WriteResult.Retryable(null, e.Message, null);
        }

        _logger.WriteCompleted(lineProtocol.Length, result.Outcome, result.StatusCode, result.Error);
        return result;
    }

    /// <summary>
    /// Runs InfluxQL against the configured database: GET for read-only statements (SELECT, SHOW), POST for the rest.
    /// Statement errors are in the result (<see cref="QueryResult.EnsureSuccess"/>); an HTTP or network failure throws
    /// <see cref="InfluxQueryException"/>.
    /// </summary>
    public Task<QueryResult> QueryAsync(string influxQl, CancellationToken cancellationToken = default) =>
        QueryAsync(influxQl, epoch: null, cancellationToken);

    /// <param name="influxQl">One or more statements separated by ';'.</param>
    /// <param name="epoch">Return times as integers in this unit (ns, u, ms, s, m, h) instead of RFC 3339 text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<QueryResult> QueryAsync(string influxQl, string? epoch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(influxQl);
        var parameters = new List<KeyValuePair<string, string>> { new("q", influxQl), new("db", Options.Database) };
        if (epoch is not null)
        {
            parameters.Add(new("epoch", epoch));
        }

        // influxd 1.x reads u and p from the URL only, never from a form body: a POST carries them in its query string too.
        var credentials = new List<KeyValuePair<string, string>>();
        AddCredentials(credentials);
        using var request = IsReadOnly(influxQl)
            ? new HttpRequestMessage(HttpMethod.Get, new Uri(_baseAddress, "query?" + FormUrlEncode([.. parameters, .. credentials])))
            : new HttpRequestMessage(HttpMethod.Post, new Uri(_baseAddress, credentials.Count == 0 ? "query" : "query?" + FormUrlEncode(credentials)))
            {
                Content = new FormUrlEncodedContent(parameters),
            };
        Authorize(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var error = ErrorText(response, body);
                _logger.QueryFailed((int)response.StatusCode, error);
                throw new InfluxQueryException(error, (int)response.StatusCode);
            }

            return InfluxQueryResultParser.Parse(body);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InfluxQueryException($"no answer within {Options.Timeout.TotalSeconds:0.###} s", statusCode: null, e);
        }
        catch (HttpRequestException e)
        {
            _logger.Unreachable(Options.BaseAddress, e.Message);
            throw new InfluxQueryException(e.Message, statusCode: null, e);
        }
    }

    /// <summary>Creates a database (a no-op if it exists).</summary>
    public async Task CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var result = await QueryAsync("CREATE DATABASE " + InfluxQl.QuoteIdentifier(name), cancellationToken).ConfigureAwait(false);
        result.EnsureSuccess();
    }

    /// <summary>
    /// The databases the configured user may see (SHOW DATABASES: all of them for an admin, for another user those it
    /// holds a privilege on).
    /// </summary>
    public async Task<IReadOnlyList<string>> ListDatabasesAsync(CancellationToken cancellationToken = default)
    {
        var result = (await QueryAsync("SHOW DATABASES", cancellationToken).ConfigureAwait(false)).EnsureSuccess();
        var names = new List<string>();
        foreach (var series in result.Series)
        {
            for (var row = 0; row < series.Values.Count; row++)
            {
                if (series.GetString(row, "name") is { } name)
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    /// <summary>Drops a database and everything in it (a no-op if it does not exist).</summary>
    public async Task DropDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var result = await QueryAsync("DROP DATABASE " + InfluxQl.QuoteIdentifier(name), cancellationToken).ConfigureAwait(false);
        result.EnsureSuccess();
    }

    /// <summary>True when the server answers <c>/ping</c> with 204 within the timeout.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_baseAddress, "ping"));
        Authorize(request);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.NoContent;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (HttpRequestException e)
        {
            _logger.Unreachable(Options.BaseAddress, e.Message);
            return false;
        }
    }

    private static async Task<WriteResult> ClassifyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (status is 204 or 200)
        {
            return WriteResult.Succeeded;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var error = ErrorText(response, body);
        if (status == 429 || status >= 500)
        {
            return WriteResult.Retryable(status, error, RetryAfter(response));
        }

        return WriteResult.Rejected(status, error);
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>The <c>error</c> member of the JSON body (1.x, 2.x use <c>message</c>), else the body, else the X-Influxdb-Error header.</summary>
    private static string ErrorText(HttpResponseMessage response, byte[] body)
    {
        if (body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var name in (ReadOnlySpan<string>)["error", "message"])
                    {
                        if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                        {
                            return value.GetString() ?? "";
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON: the body text itself is the best description.
            }

            return Encoding.UTF8.GetString(body).Trim();
        }

        return response.Headers.TryGetValues("X-Influxdb-Error", out var values)
            ? string.Join(' ', values)
            : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
    }

    private static ByteArrayContent Compress(ReadOnlyMemory<byte> lineProtocol)
    {
        using var compressed = new MemoryStream(capacity: Math.Max(256, lineProtocol.Length / 4));
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(lineProtocol.Span);
        }

        var content = new ByteArrayContent(compressed.GetBuffer(), 0, (int)compressed.Length);
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }

    private static bool IsReadOnly(string influxQl)
    {
        var text = influxQl.AsSpan().TrimStart();
        if (text.StartsWith("SHOW", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // SELECT … INTO writes, so it must be a POST (InfluxDB 1.x rejects it over GET).
        return text.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            && !influxQl.Contains(" INTO ", StringComparison.OrdinalIgnoreCase)
            && !influxQl.Contains(';', StringComparison.Ordinal);
    }

    private string BuildWriteQuery(InfluxClientOptions options)
    {
        var parameters = new List<KeyValuePair<string, string>> { new("db", options.Database) };
        if (options.RetentionPolicy is not null)
        {
            parameters.Add(new("rp", options.RetentionPolicy));
        }

        parameters.Add(new("precision", "ns"));
        AddCredentials(parameters);
        return "write?" + FormUrlEncode(parameters);
    }

    private void AddCredentials(List<KeyValuePair<string, string>> parameters)
    {
        if (Options.Username is { Length: > 0 } user)
        {
            parameters.Add(new("u", user));
            parameters.Add(new("p", Options.Password ?? ""));
        }
    }

    private void Authorize(HttpRequestMessage request)
    {
        if (Options.Token is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Token", token);
        }
    }

    private static string FormUrlEncode(List<KeyValuePair<string, string>> parameters)
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in parameters)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }
}
