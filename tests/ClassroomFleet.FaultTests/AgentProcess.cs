using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;

namespace ClassroomFleet.FaultTests;

/// <summary>
/// One run of the fault agent (AgentHost/, the real AddAgent plus a synthetic poller) as a child process. Its
/// <c>APPEND</c> lines go into the shared ledger; kill -9 is <see cref="Kill"/>, a graceful stop is SIGTERM.
/// </summary>
public sealed class AgentProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _errors = new();
    private bool _disposed;

    private AgentProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Errors => string.Join('\n', _errors.Take(20));

    public static string HostDll
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
            {
                directory = directory.Parent;
            }

            var root = directory?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
            // The host is built in the configuration the tests were built in (scripts/test.sh builds Release).
            var configuration = typeof(AgentProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            var dll = Path.Combine(root, $"tests/ClassroomFleet.FaultTests/AgentHost/bin/{configuration}/net10.0/cf-fault-agent.dll");
            return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} is missing: build tests/ClassroomFleet.FaultTests first");
        }
    }

    public static AgentProcess Start(IReadOnlyDictionary<string, string> environment, ConcurrentDictionary<long, string> ledger)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(HostDll);
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var agent = new AgentProcess(process);
        process.OutputDataReceived += (_, e) => Record(e.Data, ledger, agent._errors);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                agent._errors.Enqueue(line);
            }
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return agent;
    }

    /// <summary>SIGKILL: no flush, no goodbye; only what the outbox fsynced survives.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: the graceful stop, bounded by Agent:ShutdownTimeout.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await KillAsync();
        _process.Dispose();
    }

    private static void Record(string? line, ConcurrentDictionary<long, string> ledger, ConcurrentQueue<string> errors)
    {
        if (line is null)
        {
            return;
        }

        if (!line.StartsWith("APPEND ", StringComparison.Ordinal))
        {
            if (line.Contains("fail", StringComparison.OrdinalIgnoreCase) || line.Contains("error", StringComparison.OrdinalIgnoreCase))
            {
                errors.Enqueue(line);
            }

            return;
        }

        var parts = line.Split(' ');
        var n = long.Parse(parts[1], CultureInfo.InvariantCulture);
        ledger[n] = parts[2] == "S" ? "S" : parts[3];
    }
}
