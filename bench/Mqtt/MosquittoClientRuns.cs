using System.Diagnostics;
using System.Globalization;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Bench.Mqtt;

/// <summary>The same workload with mosquitto_pub --repeat and mosquitto_sub -C, for comparison.</summary>
internal static class MosquittoClientRuns
{
    public static async Task<(TimeSpan Published, TimeSpan Delivered)> ThroughputAsync(MosquittoProcess broker, BenchSettings settings, int qos)
    {
        var topic = $"bench/mosquitto/q{qos}/{Guid.NewGuid():N}";
        var port = broker.Port.ToString(CultureInfo.InvariantCulture);
        var count = settings.Messages.ToString(CultureInfo.InvariantCulture);
        var q = qos.ToString(CultureInfo.InvariantCulture);
        using var subscriber = Start("mosquitto_sub", "-h", broker.Host, "-p", port, "-t", topic, "-q", q, "-C", count);
        await WaitForSubscriptionAsync(broker, topic);

        var clock = Stopwatch.StartNew();
        using var publisher = Start("mosquitto_pub", "-h", broker.Host, "-p", port, "-t", topic, "-q", q,
            "-M", settings.Inflight.ToString(CultureInfo.InvariantCulture), "--repeat", count, "-m", new string('x', settings.Size));
        await publisher.WaitForExitAsync();
        var published = clock.Elapsed;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await subscriber.WaitForExitAsync(timeout.Token);
        if (publisher.ExitCode != 0 || subscriber.ExitCode != 0)
        {
            throw new InvalidOperationException($"mosquitto_pub exit {publisher.ExitCode}, mosquitto_sub exit {subscriber.ExitCode}");
        }

        return (published, clock.Elapsed);
    }

    private static Process Start(string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    // mosquitto logs "<client> 0 <topic>" for each subscription when log_type subscribe is on (the bench broker enables it).
    private static async Task WaitForSubscriptionAsync(MosquittoProcess broker, string topic)
    {
        for (var i = 0; i < 200; i++)
        {
            if (broker.ReadLog().Contains(topic, StringComparison.Ordinal))
            {
                return;
            }

            await Task.Delay(25);
        }

        throw new TimeoutException("mosquitto_sub did not subscribe");
    }
}
