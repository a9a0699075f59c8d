using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ClassroomFleet.FaultTests;

/// <summary>
/// A mosquitto_sub on the rig's broker that records every telemetry batch as it crosses the broker (QoS 0, so it never
/// holds anything back): device and sequence, in arrival order. Stopped by its PID.
/// </summary>
public sealed class TelemetryTap : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<(string Device, long Sequence)> _seen = new();

    private TelemetryTap(Process process) => _process = process;

    public IReadOnlyList<(string Device, long Sequence)> Seen => [.. _seen];

    public static async Task<TelemetryTap> StartAsync(string host, int port)
    {
        var info = new ProcessStartInfo("mosquitto_sub") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-h", host, "-p", port.ToString(CultureInfo.InvariantCulture), "-V", "mqttv5", "-q", "0", "-t", "cf/v1/+/+/telemetry/#" })
        {
            info.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = info };
        var tap = new TelemetryTap(process);
        process.OutputDataReceived += (_, e) => tap.Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // mosquitto_sub prints nothing once subscribed; give it a moment to connect before the scenario goes on.
        await Task.Delay(500);
        return tap;
    }

    /// <summary>Per device, the sequences in the order of their first appearance, and how many appearances were repeats.</summary>
    public (Dictionary<string, List<long>> FirstSeen, int Repeats) Analyse()
    {
        var first = new Dictionary<string, List<long>>(StringComparer.Ordinal);
        var known = new HashSet<long>();
        var repeats = 0;
        foreach (var (device, sequence) in Seen)
        {
            if (!known.Add(sequence))
            {
                repeats++;
                continue;
            }

            if (!first.TryGetValue(device, out var list))
            {
                first[device] = list = [];
            }

            list.Add(sequence);
        }

        return (first, repeats);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (string.IsNullOrEmpty(line) || line[0] != '{')
        {
            return;
        }

        using var batch = JsonDocument.Parse(line);
        _seen.Enqueue((batch.RootElement.GetProperty("device").GetString()!, batch.RootElement.GetProperty("seq").GetInt64()));
    }
}
