using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ClassroomFleet.Testing;

/// <summary>
/// One headless Chromium driven over the DevTools protocol (a WebSocket to its page target), for tests that must act as
/// a user: type into a field, click a link with a real mouse event at its place on the screen, wait for the page that
/// loads, read the DOM, take a screenshot. Its own profile folder; the process is killed by its id at dispose.
/// </summary>
public sealed class ChromiumDevToolsSession : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _loadLock = new();
    private TaskCompletionSource _nextLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiving = Task.CompletedTask;
    private int _nextId;

    private ChromiumDevToolsSession(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Starts Chromium with a viewport of <paramref name="width"/> × <paramref name="height"/> CSS pixels on about:blank.</summary>
    public static async Task<ChromiumDevToolsSession> StartAsync(int width = 1280, int height = 900, CancellationToken cancellationToken = default)
    {
        var profile = Directory.CreateTempSubdirectory("cf-chromium-cdp-").FullName;
        var start = new ProcessStartInfo(HeadlessChromium.Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--hide-scrollbars", $"--user-data-dir={profile}", "--remote-debugging-address=127.0.0.1",
                     "--remote-debugging-port=0", $"--window-size={width.ToString(CultureInfo.InvariantCulture)},{height.ToString(CultureInfo.InvariantCulture)}", "about:blank"])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var session = new ChromiumDevToolsSession(process, profile);
        try
        {
            await session.ConnectAsync(cancellationToken).ConfigureAwait(false);
            await session.SendAsync("Page.enable", null, cancellationToken).ConfigureAwait(false);
            await session.SendAsync("Runtime.enable", null, cancellationToken).ConfigureAwait(false);
            await session.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
            {
                ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false,
            }, cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Loads <paramref name="url"/> and waits for its load event.</summary>
    public async Task NavigateAsync(Uri url, CancellationToken cancellationToken = default)
    {
        var loaded = ExpectLoad();
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri }, cancellationToken).ConfigureAwait(false);
        await loaded.WaitAsync(Patience, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Focuses the element <paramref name="selector"/> and types <paramref name="text"/> into it as keyboard input.</summary>
    public async Task TypeAsync(string selector, string text, CancellationToken cancellationToken = default)
    {
        var found = await EvaluateAsync($"(() => {{ const e = document.querySelector({Quote(selector)}); if (!e) return false; e.focus(); return true; }})()", cancellationToken).ConfigureAwait(false);
        if (found.ValueKind != JsonValueKind.True)
        {
            throw new InvalidOperationException($"no element matches {selector}");
        }

        await SendAsync("Input.insertText", new JsonObject { ["text"] = text }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Clicks the first element matching <paramref name="selector"/> with a left mouse press and release at its centre on
    /// the screen (as a user would, after scrolling it into view) and waits for the page that click loads.
    /// </summary>
    public async Task ClickAndWaitForLoadAsync(string selector, CancellationToken cancellationToken = default)
    {
        var box = await EvaluateAsync(
            $"(() => {{ const e = document.querySelector({Quote(selector)}); if (!e) return null; e.scrollIntoView({{block: 'center'}}); " +
            "const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()", cancellationToken).ConfigureAwait(false);
        if (box.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException($"no element matches {selector}");
        }

        var (x, y) = (box[0].GetDouble(), box[1].GetDouble());
        var loaded = ExpectLoad();
        await MouseAsync("mouseMoved", x, y, cancellationToken).ConfigureAwait(false);
        await MouseAsync("mousePressed", x, y, cancellationToken).ConfigureAwait(false);
        await MouseAsync("mouseReleased", x, y, cancellationToken).ConfigureAwait(false);
        await loaded.WaitAsync(Patience, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The page's address now (after redirects).</summary>
    public async Task<Uri> LocationAsync(CancellationToken cancellationToken = default) =>
        new((await EvaluateAsync("location.href", cancellationToken).ConfigureAwait(false)).GetString()!);

    /// <summary>The DOM as HTML, after scripts (there are none in the fleet's pages).</summary>
    public async Task<string> HtmlAsync(CancellationToken cancellationToken = default) =>
        (await EvaluateAsync("document.documentElement.outerHTML", cancellationToken).ConfigureAwait(false)).GetString()!;

    /// <summary>A PNG of the viewport.</summary>
    public async Task<byte[]> ScreenshotAsync(CancellationToken cancellationToken = default)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }, cancellationToken).ConfigureAwait(false);
        return Convert.FromBase64String(result.GetProperty("data").GetString()!);
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its value.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, cancellationToken).ConfigureAwait(false);
        if (result.TryGetProperty("exceptionDetails", out var error))
        {
            throw new InvalidOperationException($"script failed: {error}");
        }

        return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        try
        {
            await _receiving.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The socket dies with the browser.
        }

        _socket.Dispose();
        _process.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile for a moment; the temp folder is cleaned by the OS later.
        }
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        // Chromium writes the port it chose to DevToolsActivePort in the profile; /json/list then names the page's socket.
        var portFile = Path.Combine(_profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + Patience;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"chromium exited at start with {_process.ExitCode}");
            }

            if (File.Exists(portFile) && (await File.ReadAllLinesAsync(portFile, cancellationToken).ConfigureAwait(false)) is [var port, ..] && port.Length > 0)
            {
                try
                {
                    var list = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list"), cancellationToken).ConfigureAwait(false);
                    using var targets = JsonDocument.Parse(list);
                    var page = targets.RootElement.EnumerateArray().FirstOrDefault(t => t.GetProperty("type").GetString() == "page");
                    if (page.ValueKind == JsonValueKind.Object)
                    {
                        await _socket.ConnectAsync(new Uri(page.GetProperty("webSocketDebuggerUrl").GetString()!), cancellationToken).ConfigureAwait(false);
                        _receiving = ReceiveAsync(_stop.Token);
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not answering yet.
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("chromium's DevTools endpoint did not come up within 60 s");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task ExpectLoad()
    {
        lock (_loadLock)
        {
            _nextLoad = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _nextLoad.Task;
        }
    }

    private Task<JsonElement> MouseAsync(string type, double x, double y, CancellationToken cancellationToken) =>
        SendAsync("Input.dispatchMouseEvent", new JsonObject
        {
            ["type"] = type, ["x"] = x, ["y"] = y, ["button"] = type == "mouseMoved" ? "none" : "left", ["buttons"] = type == "mousePressed" ? 1 : 0,
            ["clickCount"] = type == "mouseMoved" ? 0 : 1,
        }, cancellationToken);

    private async Task<JsonElement> SendAsync(string method, JsonObject? parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        return await reply.Task.WaitAsync(Patience, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReceiveAsync(CancellationToken stopping)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (!stopping.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            var chunk = await _socket.ReceiveAsync(buffer, stopping).ConfigureAwait(false);
            if (chunk.MessageType == WebSocketMessageType.Close)
            {
                break;
            }

            message.Write(buffer, 0, chunk.Count);
            if (!chunk.EndOfMessage)
            {
                continue;
            }

            Dispatch(message.ToArray());
            message.SetLength(0);
        }

        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(new InvalidOperationException("the DevTools connection closed"));
        }
    }

    private void Dispatch(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var id) && _pending.TryRemove(id.GetInt32(), out var reply))
        {
            if (root.TryGetProperty("error", out var error))
            {
                reply.TrySetException(new InvalidOperationException($"DevTools error: {error}"));
            }
            else
            {
                reply.TrySetResult(root.GetProperty("result").Clone());
            }

            return;
        }

        if (root.TryGetProperty("method", out var method) && method.GetString() == "Page.loadEventFired")
        {
            lock (_loadLock)
            {
                _nextLoad.TrySetResult();
            }
        }
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
