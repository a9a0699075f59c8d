using System.Diagnostics;
using System.Globalization;
using System.Net;
using ClassroomFleet.Snmp;

namespace ClassroomFleet.Bench.Snmp;

/// <summary>
/// One snmpsimd in --v2c-arch mode serving N copies of the simulated 48-port switch, each on its own loopback address
/// (127.0.1.1 … 127.0.1.N, same port, community "public"), pinned to one CPU. Started and stopped by PID.
/// </summary>
internal sealed class SnmpsimFarm : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private SnmpsimFarm(Process process, string directory, IReadOnlyList<IPEndPoint> endpoints)
    {
        _process = process;
        _directory = directory;
        Endpoints = endpoints;
    }

    public IReadOnlyList<IPEndPoint> Endpoints { get; }

    public int Pid => _process.Id;

    public static async Task<SnmpsimFarm> StartAsync(string recording, int count, int port, int cpu)
    {
        var directory = Directory.CreateTempSubdirectory("cf-bench-snmpsim-").FullName;
        var data = Path.Combine(directory, "data", "public");
        Directory.CreateDirectory(data);
        Directory.CreateDirectory(Path.Combine(directory, "cache"));
        var endpoints = new List<IPEndPoint>();
        var start = new ProcessStartInfo("taskset") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(cpu.ToString(CultureInfo.InvariantCulture));
        start.ArgumentList.Add("snmpsimd");
        for (var i = 0; i < count; i++)
        {
            // --v2c-arch: the Nth --agent-udpv4-endpoint serves data/public/1.3.6.1.6.1.1.N.snmprec (LOCAL-SERVICES.md §4b).
            File.Copy(recording, Path.Combine(data, $"1.3.6.1.6.1.1.{i}.snmprec"));
            var endpoint = new IPEndPoint(new IPAddress([127, 0, 1, (byte)(i + 1)]), port);
            endpoints.Add(endpoint);
            start.ArgumentList.Add($"--agent-udpv4-endpoint={endpoint}");
        }

        foreach (var argument in new[]
        {
            "--v2c-arch", $"--data-dir={Path.Combine(directory, "data")}", $"--cache-dir={Path.Combine(directory, "cache")}",
            "--variation-modules-dir=/usr/share/snmpsim/variation", "--logging-method=null",
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (Environment.UserName == "root")
        {
            // snmpsimd refuses to run as root; it drops to nobody, which must read the data and write the cache.
            start.ArgumentList.Add("--process-user=nobody");
            start.ArgumentList.Add("--process-group=nogroup");
            using var chown = Process.Start("chown", ["-R", "nobody:nogroup", directory]);
            await chown.WaitForExitAsync().ConfigureAwait(false);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("snmpsimd did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var farm = new SnmpsimFarm(process, directory, endpoints);
        await farm.WaitUntilAllAnswerAsync().ConfigureAwait(false);
        return farm;
    }

    private async Task WaitUntilAllAnswerAsync()
    {
        await using var client = new SnmpClient(new SnmpClientOptions());
        var sysUpTime = Oid.Parse("1.3.6.1.2.1.1.3.0");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var endpoint in Endpoints)
        {
            while (true)
            {
                if (_process.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"snmpsimd did not answer on {endpoint}.");
                }

                try
                {
                    await client.GetAsync(new SnmpTarget(endpoint) { Timeout = TimeSpan.FromMilliseconds(300), Retries = 0 }, [sysUpTime]).ConfigureAwait(false);
                    break;
                }
                catch (SnmpException)
                {
                }
            }
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
        Directory.Delete(_directory, recursive: true);
    }
}
