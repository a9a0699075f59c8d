using System.Diagnostics;
using System.Globalization;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Bench.Mqtt;

/// <summary>The same workload with mosquitto_pub --repeat and mosquitto_sub -C, for comparison.</summary>
internal static class MosquittoClientRuns
{
    public static Task<(TimeSpan Published, TimeSpan Delivered)> ThroughputAsync(MosquittoProcess broker, BenchSettings settings, int qos) =>
        ToMosquittoSubAsync(broker, settings, qos, "mosquitto", async topic =>
        {
            using var publisher = Start("mosquitto_pub", "-h", broker.Host, "-p", broker.Port.ToString(CultureInfo.InvariantCulture), "-t", topic,
                "-q", qos.ToString(CultureInfo.InvariantCulture), "-M", settings.Inflight.ToString(CultureInfo.InvariantCulture),
                "--repeat", settings.Messages.ToString(CultureInfo.InvariantCulture), "-m", new string('x', settings.Size));
            await publisher.WaitForExitAsync();
            if (publisher.ExitCode != 0)
            {
                throw new InvalidOperationException($"mosquitto_pub exit {publisher.ExitCode}");
            }
        });

    /// <summary>
    /// Times <paramref name="publish"/> (which publishes <see cref="BenchSettings.Messages"/> to the topic it is given)
    /// until a mosquitto_sub -C N has every message, so that publishers are compared with the same subscriber.
    /// </summary>
    public static async Task<(TimeSpan Published, TimeSpan Delivered)> ToMosquittoSubAsync(
        MosquittoProcess broker, BenchSettings settings, int qos, string name, Func<string, Task> publish)
    {
        var topic = $"bench/{name}/q{qos}/{Guid.NewGuid():N}";
        using var subscriber = Start("mosquitto_sub", "-h", broker.Host, "-p", broker.Port.ToString(CultureInfo.InvariantCulture), "-t", topic,
            "-q", qos.ToString(CultureInfo.InvariantCulture), "-C", settings.Messages.ToString(CultureInfo.InvariantCulture));
        await WaitForSubscriptionAsync(broker, topic);

        var clock = Stopwatch.StartNew();
        await publish(topic);
        var published = clock.Elapsed;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await subscriber.WaitForExitAsync(timeout.Token);
        if (subscriber.ExitCode != 0)
        {
            throw new InvalidOperationException($"mosquitto_sub exit {subscriber.ExitCode}");
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
