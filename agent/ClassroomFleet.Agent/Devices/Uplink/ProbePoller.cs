using ClassroomFleet.Agent.Devices.Uplink.Iperf3;
using ClassroomFleet.Agent.Polling;
using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts;
using ClassroomFleet.Contracts.Messages;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Agent.Devices.Uplink;

/// <summary>
/// The active bandwidth test of kind <c>probe</c>: iperf3 (against a stock <c>iperf3 -s</c>) or a bounded HTTP
/// transfer, in the probe's windows at the school's offset. A completed test yields an <c>uplink</c> point
/// (method iperf3/http; down_bps, up_bps, the probe's link speed, and the school's category and number of classes so
/// that per-class bandwidth can be computed downstream) and a <c>probe</c> point describing the run. A busy iperf3
/// server (one running another school's test) or one that refuses the connection (a stock server re-opens its listener
/// between two tests) is retried a few times and then skipped with <c>outcome=server_busy</c> or
/// <c>outcome=server_unavailable</c>: never a 0 Mbit/s result.
/// </summary>
public sealed class ProbePoller(SchoolFileProvider school, HttpProbe http, TimeProvider time, ILogger<ProbePoller> logger) : IDevicePoller
{
    public const string RunMeasurement = "probe";

    /// <summary>Waits before each further attempt while the iperf3 server is busy with another school's test or refuses.</summary>
    private static readonly TimeSpan[] BusyRetryDelays = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10)];

    public string Kind => "probe";

    public async Task<IReadOnlyList<TelemetryPoint>> PollAsync(DeviceEntry device, CancellationToken cancellationToken = default)
    {
        var probe = device.Probe ?? throw new InvalidOperationException($"device {device.Id} has no probe settings");
        var settings = ProbeRun.From(device.Id, probe);
        var file = school.Current;
        if (!ProbeSchedule.IsDue(settings.Windows, settings.Spread, file?.School ?? "", time.GetLocalNow(), settings.RunLength))
        {
            return [];
        }

        var run = new ProbeRunFields(probe, settings);
        try
        {
            if (probe.Method == "iperf3")
            {
                await RunIperf3Async(device, settings, run, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await RunHttpAsync(settings, run, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Iperf3ServerBusyException)
        {
            logger.ServerBusy(device.Id, settings.Server, run.Attempts);
            run.Outcome = "server_busy";
        }
        catch (Iperf3ServerUnavailableException ex)
        {
            logger.ServerUnavailable(device.Id, settings.Server, run.Attempts, ex.Message);
            run.Outcome = "server_unavailable";
        }

        var now = UnixNanos.From(time.GetUtcNow());
        var linkMbps = await LinkSpeed.ReadMbpsAsync(probe.Interface, cancellationToken: cancellationToken).ConfigureAwait(false);
        List<TelemetryPoint> points = [run.ToPoint(now)];
        if (run.Outcome == "ok")
        {
            points.Add(run.ToUplinkPoint(now, linkMbps, file));
        }

        return points;
    }

    private async Task RunIperf3Async(DeviceEntry device, ProbeRun settings, ProbeRunFields run, CancellationToken cancellationToken)
    {
        if (!DeviceAddress.TryParse(settings.Server, Iperf3Client.DefaultPort, out var server))
        {
            throw new InvalidOperationException($"device {device.Id}: probe server '{settings.Server}' is not host[:port]");
        }

        foreach (var reverse in settings.Directions)
        {
            var request = new Iperf3Request(settings.Streams, settings.Duration, reverse);
            for (var attempt = 0; ; attempt++)
            {
                run.Attempts++;
                try
                {
                    var result = await Iperf3Client.RunAsync(server.Host, server.Port, request, cancellationToken).ConfigureAwait(false);
                    run.Add(reverse, result.BitsPerSecond, result.Duration, result.SenderRetransmits);
                    break;
                }
                catch (Exception ex) when (ex is Iperf3ServerBusyException or Iperf3ServerUnavailableException && attempt < BusyRetryDelays.Length)
                {
                    await Task.Delay(BusyRetryDelays[attempt], time, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    private async Task RunHttpAsync(ProbeRun settings, ProbeRunFields run, CancellationToken cancellationToken)
    {
        var baseUri = new Uri(settings.Server.EndsWith('/') ? settings.Server : settings.Server + "/");
        foreach (var download in settings.Directions)
        {
            run.Attempts++;
            var result = download
                ? await http.DownloadAsync(baseUri, settings.Bytes, settings.Streams, settings.Duration, cancellationToken).ConfigureAwait(false)
                : await http.UploadAsync(baseUri, settings.Bytes, settings.Streams, settings.Duration, cancellationToken).ConfigureAwait(false);
            if (result.Bytes == 0)
            {
                throw new ProbeException($"HTTP {(download ? "download from" : "upload to")} {baseUri} moved no bytes within {settings.Duration.TotalSeconds:0.#} s");
            }

            run.Add(download, result.BitsPerSecond, result.Elapsed, null);
        }
    }
}
