using System.Diagnostics;
using System.Globalization;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Bench.Mqtt;

/// <summary>The same workload with mosquitto_pub --repeat and mosquitto_sub -C, for comparison.</summary>
internal static class MosquittoClientRuns
{
    public static Task<ThroughputRun> ThroughputAsync(MosquittoProcess broker, BenchSettings settings, int qos) =>
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
    /// until a mosquitto_sub -C N has every message (one line each), so that publishers are compared with the same
    /// subscriber. At QoS 0 a subscriber that stops receiving is stopped, and the row counts what it had.
    /// </summary>
    public static async Task<ThroughputRun> ToMosquittoSubAsync(
        MosquittoProcess broker, BenchSettings settings, int qos, string name, Func<string, Task> publish)
    {
        var topic = $"bench/{name}/q{qos}/{Guid.NewGuid():N}";
        var clock = new Stopwatch();
        var watch = new DeliveryWatch(clock);
        using var subscriber = Start(() => watch.Arrived(), "mosquitto_sub", "-h", broker.Host, "-p", broker.Port.ToString(CultureInfo.InvariantCulture), "-t", topic,
            "-q", qos.ToString(CultureInfo.InvariantCulture), "-C", settings.Messages.ToString(CultureInfo.InvariantCulture));
        await WaitForSubscriptionAsync(broker, topic);

        clock.Start();
        await publish(topic);
        var run = await watch.WaitAsync(settings.Messages, qos, clock.Elapsed, () => subscriber.HasExited);
        if (!subscriber.HasExited)
        {
            subscriber.Kill();
        }
        else if (subscriber.ExitCode != 0)
        {
            throw new InvalidOperationException($"mosquitto_sub exit {subscriber.ExitCode}");
        }

        await subscriber.WaitForExitAsync();
        return run with { Received = watch.Received };
    }

    private static Process Start(string tool, params string[] args) => Start(null, tool, args);

    private static Process Start(Action? onLine, string tool, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{tool} did not start");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                onLine?.Invoke();
            }
        };
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
