using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ClassroomFleet.Testing;

/// <summary>
/// A private net-snmp <c>snmpd</c> for tests that need a special configuration (extra v3 users, a fixed engine ID):
/// started on a free loopback UDP port with its state in a temp folder, stopped by PID on dispose.
/// </summary>
public sealed class SnmpdProcess : IAsyncDisposable
{
    private readonly string _directory;
    private Process _process;

    private SnmpdProcess(Process process, string directory, IPEndPoint endpoint)
    {
        _process = process;
        _directory = directory;
        Endpoint = endpoint;
    }

    public IPEndPoint Endpoint { get; }

    /// <summary>Starts snmpd with community <c>public</c> plus <paramref name="extraConfig"/> lines, and waits until it answers.</summary>
    public static async Task<SnmpdProcess> StartAsync(string extraConfig, CancellationToken cancellationToken = default)
    {
        var port = FreeUdpPort();
        var directory = Directory.CreateTempSubdirectory("cf-snmpd-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "persist"));
        await WriteConfigAsync(directory, port, extraConfig, cancellationToken).ConfigureAwait(false);

        var process = Launch(directory);
        var snmpd = new SnmpdProcess(process, directory, new IPEndPoint(IPAddress.Loopback, port));
        try
        {
            await snmpd.WaitUntilAnsweringAsync(cancellationToken).ConfigureAwait(false);
            return snmpd;
        }
        catch
        {
            await snmpd.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Stops snmpd cleanly and starts it again on the same port, as a device reboot does. With the persistent state
    /// kept, snmpd keeps its engine ID and raises snmpEngineBoots (RFC 3414 §2.2.2); <paramref name="newExtraConfig"/>
    /// replaces the configuration and wipes that state (e.g. to give the agent another engine ID).
    /// </summary>
    public async Task RestartAsync(string? newExtraConfig = null, CancellationToken cancellationToken = default)
    {
        await StopAsync().ConfigureAwait(false);
        _process.Dispose();
        if (newExtraConfig is not null)
        {
            var persist = Path.Combine(_directory, "persist");
            Directory.Delete(persist, recursive: true);
            Directory.CreateDirectory(persist);
            await WriteConfigAsync(_directory, Endpoint.Port, newExtraConfig, cancellationToken).ConfigureAwait(false);
        }

        _process = Launch(_directory);
        await WaitUntilAnsweringAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task WriteConfigAsync(string directory, int port, string extraConfig, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(
            Path.Combine(directory, "snmpd.conf"),
            $"""
            agentAddress udp:127.0.0.1:{port}
            rocommunity public 127.0.0.1
            sysName cf-test-private-snmpd
            dontLogTCPWrappersConnects yes
            [snmp] mibs :
            {extraConfig}

            """,
            cancellationToken);

    private static Process Launch(string directory)
    {
        var config = Path.Combine(directory, "snmpd.conf");
        // -C skips every default file, the persistent one too; name it so that a restart keeps engine ID and boots.
        var persisted = Path.Combine(directory, "persist", "snmpd.conf");
        if (File.Exists(persisted))
        {
            config += "," + persisted;
        }

        var start = new ProcessStartInfo("snmpd") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-f", "-Lo", "-C", "-c", config, "-I", "-smux,mteTrigger,mteTriggerConf", "-p", Path.Combine(directory, "snmpd.pid") })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SNMP_PERSISTENT_DIR"] = Path.Combine(directory, "persist");
        start.Environment["MIBS"] = ":";
        var process = Process.Start(start) ?? throw new InvalidOperationException("snmpd did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            // A clean stop (SIGTERM) lets snmpd remove its PID file and sockets; Process.Kill would send SIGKILL.
            using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync().ConfigureAwait(false);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        // GET sysUpTime.0, v2c, community "public", request-id 1.
        byte[] get = Convert.FromHexString("302602010104067075626C6963A01902010102010002010030" + "0E300C06082B060102010103000500");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"snmpd exited with {_process.ExitCode} during start.");
            }

            await probe.SendAsync(get, Endpoint, cancellationToken).ConfigureAwait(false);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromMilliseconds(200));
            try
            {
                await probe.ReceiveAsync(wait.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
        }

        throw new TimeoutException($"snmpd on {Endpoint} did not answer within 15 s.");
    }

    public static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>
/// A private snmpsim (snmpsimd) serving the .snmprec files of a folder (community = file name without extension) on a
/// free loopback port; its state lives in a temp folder and it is stopped by PID on dispose.
/// </summary>
public sealed class SnmpsimProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private SnmpsimProcess(Process process, string directory, IPEndPoint endpoint)
    {
        _process = process;
        _directory = directory;
        Endpoint = endpoint;
    }

    public IPEndPoint Endpoint { get; }

    /// <summary>Copies <paramref name="recordings"/> (name → .snmprec text) into a data folder, starts snmpsimd and waits until <paramref name="probeCommunity"/> answers.</summary>
    public static async Task<SnmpsimProcess> StartAsync(IReadOnlyDictionary<string, string> recordings, string probeCommunity, CancellationToken cancellationToken = default)
    {
        var port = SnmpdProcess.FreeUdpPort();
        var directory = Directory.CreateTempSubdirectory("cf-snmpsim-").FullName;
        var data = Path.Combine(directory, "data");
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(Path.Combine(directory, "cache"));
        foreach (var (name, text) in recordings)
        {
            await File.WriteAllTextAsync(Path.Combine(data, name + ".snmprec"), text, cancellationToken).ConfigureAwait(false);
        }

        var start = new ProcessStartInfo("snmpsimd") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            $"--data-dir={data}", $"--cache-dir={Path.Combine(directory, "cache")}", "--variation-modules-dir=/usr/share/snmpsim/variation",
            $"--agent-udpv4-endpoint=127.0.0.1:{port}", "--logging-method=null",
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (Environment.UserName == "root")
        {
            // snmpsimd refuses to run as root (LOCAL-SERVICES.md §4b): it drops to nobody, who must own the folder.
            start.ArgumentList.Add("--process-user=nobody");
            start.ArgumentList.Add("--process-group=nogroup");
            using var chown = Process.Start("chown", ["-R", "nobody:nogroup", directory]);
            await chown.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("snmpsimd did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var snmpsim = new SnmpsimProcess(process, directory, new IPEndPoint(IPAddress.Loopback, port));
        try
        {
            await snmpsim.WaitUntilAnsweringAsync(probeCommunity, cancellationToken).ConfigureAwait(false);
            return snmpsim;
        }
        catch
        {
            await snmpsim.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WaitUntilAnsweringAsync(string community, CancellationToken cancellationToken)
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var communityBytes = System.Text.Encoding.ASCII.GetBytes(community);
        // GETNEXT 1.3.6, v2c: whatever the recording holds first answers it.
        byte[] pdu = Convert.FromHexString("A1130201010201000201003008300606022B060500");
        byte[] body = [0x02, 0x01, 0x01, 0x04, (byte)communityBytes.Length, .. communityBytes, .. pdu];
        byte[] get = [0x30, (byte)body.Length, .. body];
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"snmpsimd exited with {_process.ExitCode} during start.");
            }

            await probe.SendAsync(get, Endpoint, cancellationToken).ConfigureAwait(false);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(TimeSpan.FromMilliseconds(300));
            try
            {
                await probe.ReceiveAsync(wait.Token).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
        }

        throw new TimeoutException($"snmpsimd on {Endpoint} did not answer within 30 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
