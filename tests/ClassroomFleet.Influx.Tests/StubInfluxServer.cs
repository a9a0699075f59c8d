using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;

namespace ClassroomFleet.Influx.Tests;

/// <summary>
/// A scripted HTTP server on 127.0.0.1 for the answers influxd cannot be made to give on demand (503, 429 with
/// Retry-After). Each request takes the next scripted answer (the last one repeats), or one computed from its body; bodies are recorded, gunzipped.
/// Requests are served each on its own, so that an answer may wait for a later request.
/// </summary>
internal sealed class StubInfluxServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<string, Task<StubAnswer>> _answer;
    private readonly Task _loop;

    public StubInfluxServer(params StubAnswer[] script)
        : this(Scripted(script))
    {
    }

    /// <summary>A server that answers each request from its (gunzipped) body.</summary>
    public StubInfluxServer(Func<string, StubAnswer> answer)
        : this(body => Task.FromResult(answer(body)))
    {
    }

    /// <summary>A server that answers each request from its (gunzipped) body, when the answer is ready.</summary>
    public StubInfluxServer(Func<string, Task<StubAnswer>> answer)
    {
        _answer = answer;
        var port = FreePort.Tcp();
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<(string Method, string PathAndQuery, string Body, string? ContentEncoding, string? Authorization)> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        _listener.Close();
    }

    private static Func<string, StubAnswer> Scripted(StubAnswer[] script)
    {
        var queue = new ConcurrentQueue<StubAnswer>(script);
        return _ => queue.TryDequeue(out var next) ? next : script[^1];
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (!_listener.IsListening)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            var request = context.Request;
            var encoding = request.Headers["Content-Encoding"];
            using var body = new MemoryStream();
            if (encoding == "gzip")
            {
                using var gzip = new GZipStream(request.InputStream, CompressionMode.Decompress);
                await gzip.CopyToAsync(body);
            }
            else
            {
                await request.InputStream.CopyToAsync(body);
            }

            var text = Encoding.UTF8.GetString(body.ToArray());
            Requests.Enqueue((request.HttpMethod, request.Url!.PathAndQuery, text, encoding, request.Headers["Authorization"]));
            var answer = await _answer(text);
            context.Response.StatusCode = answer.Status;
            if (answer.RetryAfterSeconds is { } seconds)
            {
                context.Response.AddHeader("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (answer.Body is { } json)
            {
                var bytes = Encoding.UTF8.GetBytes(json);
                context.Response.ContentType = "application/json";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
        catch (Exception) when (!_listener.IsListening)
        {
            // Disposed while answering: the client sees the connection end.
        }
    }
}

internal sealed record StubAnswer(int Status, string? Body = null, int? RetryAfterSeconds = null);
