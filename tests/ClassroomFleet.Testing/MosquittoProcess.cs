using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ClassroomFleet.Testing;

/// <summary>
/// A private mosquitto for one test: its own temp folder (config, persistence, log), a free port on 127.0.0.1, and
/// control that the shared broker of scripts/services.sh cannot offer: kill -9, restart on the same port and data,
/// passwords, ACLs, TLS. Set <see cref="ListenerOptions"/> / <see cref="ExtraConfig"/> and write files before
/// <see cref="StartAsync"/>. Dispose stops the process by its PID and deletes the folder.
/// </summary>
public sealed class MosquittoProcess : IAsyncDisposable
{
    private Process? _process;

    public MosquittoProcess()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("cf-mosquitto-").FullName;
        System.IO.Directory.CreateDirectory(Path.Combine(Directory, "data"));
        Port = FreeTcpPort();
    }

    public string Host { get; } = "127.0.0.1";

    public int Port { get; }

    public string Directory { get; }

    public string LogFile => Path.Combine(Directory, "mosquitto.log");

    public string ConfigFile => Path.Combine(Directory, "mosquitto.conf");

    public string DataDirectory => Path.Combine(Directory, "data");

    /// <summary>Lines placed under the <c>listener</c> line (certfile, keyfile, cafile, require_certificate...).</summary>
    public string ListenerOptions { get; set; } = "";

    /// <summary>Global lines (password_file, acl_file, max_queued_messages...). Without allow_anonymous, anonymous is allowed.</summary>
    public string ExtraConfig { get; set; } = "";

    /// <summary>
    /// Persistence defaults chosen so that an acknowledged QoS 1 message survives kill -9: mosquitto writes its database
    /// only on autosave, so <c>autosave_on_changes true</c> + <c>autosave_interval 1</c> saves after every change.
    /// </summary>
    public string PersistenceConfig { get; set; } = "persistence true\nautosave_on_changes true\nautosave_interval 1\n";

    public int? ProcessId => _process?.Id;

    public bool IsRunning => _process is { HasExited: false };

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Adds a user to <c>passwd</c> in the folder with mosquitto_passwd (PBKDF2-SHA512 hashes) and returns the file's path.</summary>
    public async Task<string> AddUserAsync(string user, string password, CancellationToken cancellationToken = default)
    {
        var file = Path.Combine(Directory, "passwd");
        var args = File.Exists(file) ? new[] { "-b", file, user, password } : new[] { "-c", "-b", file, user, password };
        await RunToolAsync("mosquitto_passwd", args, cancellationToken).ConfigureAwait(false);
        return file;
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("mosquitto is already running");
        }

        File.WriteAllText(ConfigFile, BuildConfig());
        var info = new ProcessStartInfo("mosquitto")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(ConfigFile);
        _process = Process.Start(info) ?? throw new InvalidOperationException("mosquitto did not start");
        _process.StandardInput.Close();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitListeningAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends SIGKILL and returns at once (usable from a callback); <see cref="KillAsync"/> also waits for the exit.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
        }
    }

    /// <summary>SIGSTOP: the broker reads and answers nothing, but its connections stay open (a stalled broker).</summary>
    public Task PauseAsync() => SignalAsync("-STOP");

    /// <summary>SIGCONT after <see cref="PauseAsync"/>.</summary>
    public Task ResumeAsync() => SignalAsync("-CONT");

    private async Task SignalAsync(string signal)
    {
        if (_process is { HasExited: false } process)
        {
            await RunToolAsync("kill", [signal, process.Id.ToString(CultureInfo.InvariantCulture)], CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>SIGKILL: no chance to save anything that was not saved already.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>SIGTERM and wait: mosquitto saves its database on a clean exit.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            await RunToolAsync("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)], CancellationToken.None).ConfigureAwait(false);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
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
    }

    public async Task RestartAsync(bool hard, CancellationToken cancellationToken = default)
    {
        if (hard)
        {
            await KillAsync().ConfigureAwait(false);
        }
        else
        {
            await StopAsync().ConfigureAwait(false);
        }

        await StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public string ReadLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "";

    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        _process?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string BuildConfig()
    {
        var config = new StringBuilder();
        // As root mosquitto would switch to user 'mosquitto' and then fail to write the root-owned temp folder.
        config.Append("user root\n");
        config.Append(CultureInfo.InvariantCulture, $"listener {Port} {Host}\n");
        config.Append(ListenerOptions.TrimEnd()).Append('\n');
        if (!ExtraConfig.Contains("allow_anonymous", StringComparison.Ordinal))
        {
            config.Append("allow_anonymous true\n");
        }

        config.Append(PersistenceConfig);
        config.Append(CultureInfo.InvariantCulture, $"persistence_location {DataDirectory}/\n");
        config.Append(CultureInfo.InvariantCulture, $"log_dest file {LogFile}\n");
        config.Append("log_type error\nlog_type warning\nlog_type notice\nlog_type information\n");
        config.Append(ExtraConfig.TrimEnd()).Append('\n');
        return config.ToString();
    }

    private async Task WaitListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_process is null || _process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited at start (code {_process?.ExitCode}). Log:\n{ReadLog()}");
            }

            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, Port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new TimeoutException($"mosquitto did not listen on {Port} within 10 s. Log:\n{ReadLog()}");
    }

    private static async Task RunToolAsync(string tool, string[] args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed with {process.ExitCode}: {await stderr.ConfigureAwait(false)}");
        }
    }
}
