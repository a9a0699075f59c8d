using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ClassroomFleet.Testing;

/// <summary>
/// A private influxd (1.x) for one test: its own temp folder (config, meta, data, wal), free ports on 127.0.0.1 for
/// HTTP and RPC, and control the shared server cannot offer: stop (SIGTERM, which takes influxd about 1.6 s) and start
/// again on the same data and port. Dispose kills the process by its PID and deletes the folder.
/// </summary>
public sealed class InfluxdProcess : IAsyncDisposable
{
    private static readonly Lock LogLock = new();
    private Process? _process;

    public InfluxdProcess()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("cf-influxd-").FullName;
        HttpPort = FreeTcpPort();
        RpcPort = FreeTcpPort();
    }

    public string Directory { get; }

    public int HttpPort { get; }

    public int RpcPort { get; }

    public Uri Url => new($"http://127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}");

    public string LogFile => Path.Combine(Directory, "influxd.log");

    public int? ProcessId => _process?.Id;

    /// <summary>
    /// HTTP authentication (<c>auth-enabled</c>). With it on, the first request may create the admin without credentials
    /// (<c>CREATE USER … WITH ALL PRIVILEGES</c>); every other one needs a user. Set before <see cref="StartAsync"/>.
    /// </summary>
    public bool AuthEnabled { get; set; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts influxd and waits until <c>/ping</c> answers 204.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("influxd is already running");
        }

        var config = Path.Combine(Directory, "influxdb.conf");
        await File.WriteAllTextAsync(config, BuildConfig(), cancellationToken).ConfigureAwait(false);
        var info = new ProcessStartInfo("influxd")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("run");
        info.ArgumentList.Add("-config");
        info.ArgumentList.Add(config);
        _process = Process.Start(info) ?? throw new InvalidOperationException("influxd did not start");
        _process.StandardInput.Close();
        var log = LogFile;
        _process.OutputDataReceived += (_, e) => Append(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitReadyAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SIGTERM and wait for the exit (SIGKILL after 15 s).</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    public string ReadLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open does not fail the test; the temp folder is cleaned by the OS eventually.
        }
    }

    private string BuildConfig()
    {
        string Dir(string name) => Path.Combine(Directory, name).Replace("\\", "/", StringComparison.Ordinal);
        var inv = CultureInfo.InvariantCulture;
        return $"""
            reporting-enabled = false
            bind-address = "127.0.0.1:{RpcPort.ToString(inv)}"
            [meta]
              dir = "{Dir("meta")}"
            [data]
              dir = "{Dir("data")}"
              wal-dir = "{Dir("wal")}"
              query-log-enabled = false
            [monitor]
              store-enabled = false
            [http]
              enabled = true
              bind-address = "127.0.0.1:{HttpPort.ToString(inv)}"
              auth-enabled = {(AuthEnabled ? "true" : "false")}
              log-enabled = false
              pprof-enabled = false
            [logging]
              level = "warn"
              suppress-logo = true
            [ifql]
              enabled = false
            [continuous_queries]
              enabled = false
            """;
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            if (_process is { HasExited: true })
            {
                throw new InvalidOperationException($"influxd exited during start:\n{ReadLog()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url, "ping"), cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow first answer; ask again.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"influxd did not answer /ping within 30 s:\n{ReadLog()}");
            }

            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Append(string file, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (LogLock)
        {
            File.AppendAllText(file, line + Environment.NewLine);
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
