using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace ClassroomFleet.Testing;

/// <summary>
/// One of the repository's device simulators (simulators/pjlink, simulators/rtsp-onvif, simulators/probe) run as its
/// own process on a free loopback port: built once per test run, started with <c>--port</c>, ready when it prints
/// <c>listening …</c>, driven by control lines on stdin, stopped by PID on dispose.
/// </summary>
public sealed class DeviceSimulatorProcess : IAsyncDisposable
{
    private static readonly Dictionary<string, Task<string>> Builds = new(StringComparer.Ordinal);
    private static readonly Lock BuildsLock = new();

    private readonly Process _process;
    private readonly Channel<string> _output = Channel.CreateUnbounded<string>();

    private DeviceSimulatorProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                _output.Writer.TryWrite(line);
            }
        };
    }

    public int Port { get; }

    public IPEndPoint Endpoint => new(IPAddress.Loopback, Port);

    public int ProcessId => _process.Id;

    /// <summary>Builds (once) and starts <c>simulators/{folder}</c> with <c>--port</c> and <paramref name="arguments"/>.</summary>
    public static async Task<DeviceSimulatorProcess> StartAsync(string folder, string assemblyName, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var dll = await BuildAsync(folder, assemblyName).WaitAsync(cancellationToken).ConfigureAwait(false);
        var port = FreeTcpPort();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{assemblyName} did not start.");
        var simulator = new DeviceSimulatorProcess(process, port);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var ready = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            ready.CancelAfter(TimeSpan.FromSeconds(30));
            while (true)
            {
                var line = await simulator._output.Reader.ReadAsync(ready.Token).ConfigureAwait(false);
                if (line.StartsWith("listening", StringComparison.Ordinal))
                {
                    return simulator;
                }
            }
        }
        catch
        {
            await simulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends one control line and returns the simulator's answer (<c>ok</c> or <c>error: …</c>).</summary>
    public async Task<string> ControlAsync(string line, CancellationToken cancellationToken = default)
    {
        await _process.StandardInput.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        await _process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        using var answer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        answer.CancelAfter(TimeSpan.FromSeconds(10));
        while (true)
        {
            var output = await _output.Reader.ReadAsync(answer.Token).ConfigureAwait(false);
            if (output == "ok" || output.StartsWith("error", StringComparison.Ordinal))
            {
                return output;
            }
        }
    }

    /// <summary>The simulator's stdout lines that are not control answers, read so far (e.g. request logs).</summary>
    public IReadOnlyList<string> DrainOutput()
    {
        var lines = new List<string>();
        while (_output.Reader.TryRead(out var line))
        {
            lines.Add(line);
        }

        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        _process.Dispose();
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Directory.Packages.props) was not found above " + AppContext.BaseDirectory);
    }

    private static Task<string> BuildAsync(string folder, string assemblyName)
    {
        lock (BuildsLock)
        {
            if (!Builds.TryGetValue(folder, out var build) || build.IsFaulted)
            {
                build = Task.Run(() => Build(folder, assemblyName));
                Builds[folder] = build;
            }

            return build;
        }
    }

    private static async Task<string> Build(string folder, string assemblyName)
    {
        var project = Path.Combine(RepositoryRoot(), "simulators", folder);
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "build", project, "-c", "Debug", "--nologo", "-v", "q" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet build did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet build {project} failed: {await output.ConfigureAwait(false)}{await errors.ConfigureAwait(false)}");
        }

        var dll = Path.Combine(project, "bin", "Debug", "net10.0", assemblyName + ".dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing after the build.");
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
