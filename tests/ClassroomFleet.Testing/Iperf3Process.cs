using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace ClassroomFleet.Testing;

/// <summary>
/// A private stock <c>iperf3 -s</c> on a free port of 127.0.0.1 for one test class. iperf3 serves one test at a time
/// and refuses connections while it re-opens its listener between tests, so test assemblies that run in parallel
/// must not share the services' server. Dispose kills the process.
/// </summary>
public sealed class Iperf3Process : IAsyncDisposable
{
    private readonly Process _process;

    private Iperf3Process(Process process, int port)
    {
        _process = process;
        Endpoint = new IPEndPoint(IPAddress.Loopback, port);
    }

    public IPEndPoint Endpoint { get; }

    public static Task<Iperf3Process> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(MosquittoProcess.FreeTcpPort(), cancellationToken);

    public static async Task<Iperf3Process> StartAsync(int port, CancellationToken cancellationToken = default)
    {
        var info = new ProcessStartInfo("iperf3") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-s", "-B", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "--forceflush" })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("iperf3 did not start");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Server listening", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new Iperf3Process(process, port);
        try
        {
            // "Server listening" is printed once the socket listens; waiting for it (not connecting) leaves the
            // server's log free of aborted control connections.
            await listening.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }
}
