using System.Diagnostics;
using System.Globalization;

namespace ClassroomFleet.Bench.Ingest;

/// <summary>The built fleet (<c>classroomfleet-fleet.dll</c>) as a child process, so that its CPU and memory are its own.</summary>
internal sealed class FleetProcess : IAsyncDisposable
{
    private readonly Process _process;

    private readonly string _data;

    private FleetProcess(Process process, Uri url, string data)
    {
        _process = process;
        Url = url;
        _data = data;
    }

    public Uri Url { get; }

    public static async Task<FleetProcess> StartAsync(string dll, string mqttHost, int mqttPort, Uri influx, string database, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"the fleet is not built at {dll}: build it, or give --fleet-dll", dll);
        }

        var port = FreePort();
        var data = Directory.CreateTempSubdirectory("cf-bench-fleet-").FullName;
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["Mqtt__Host"] = mqttHost;
        info.Environment["Mqtt__Port"] = mqttPort.ToString(CultureInfo.InvariantCulture);
        info.Environment["Mqtt__ClientId"] = "bench-fleet";
        info.Environment["Mqtt__CleanStart"] = "true";
        info.Environment["Fleet__SharedGroup"] = "bench";
        info.Environment["Fleet__DataDirectory"] = data;
        info.Environment["Influx__BaseAddress"] = influx.ToString();
        info.Environment["Influx__Database"] = database;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the fleet");
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) { Console.Error.WriteLine($"[fleet] {line}"); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) { Console.Error.WriteLine($"[fleet] {line}"); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var fleet = new FleetProcess(process, new Uri($"http://127.0.0.1:{port}"), data);
        await fleet.WaitHealthyAsync(cancellationToken);
        return fleet;
    }

    public int ProcessId => _process.Id;

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public long WorkingSetBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the fleet exited with code {_process.ExitCode}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url, "/healthz"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException("the fleet did not become healthy within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Directory.Delete(_data, recursive: true);
    }
}
