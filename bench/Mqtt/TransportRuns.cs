using System.Diagnostics;
using ClassroomFleet.Messaging;
using ClassroomFleet.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Bench.Mqtt;

/// <summary>Throughput and latency of <see cref="MqttTransport"/> through a real mosquitto.</summary>
internal static class TransportRuns
{
    public static MqttTransport Create(MosquittoProcess broker, BenchSettings settings, string name) => new(
        new MqttTransportOptions
        {
            Host = broker.Host,
            Port = broker.Port,
            ClientId = $"bench-{name}-{Guid.NewGuid():N}",
            CleanStart = true,
            MaximumInflight = settings.Inflight,
            RepublishAfterLoss = settings.Inflight,
            OutgoingQueueCapacity = 10_000,
        },
        NullLogger<MqttTransport>.Instance);

    /// <summary>Publishes N messages from many concurrent callers; time until the subscriber has all of them.</summary>
    public static async Task<ThroughputRun> ThroughputAsync(MosquittoProcess broker, BenchSettings settings, MessageQos qos)
    {
        var topic = $"bench/ours/q{(int)qos}/{Guid.NewGuid():N}";
        var payload = new byte[settings.Size];
        Array.Fill(payload, (byte)'x');
        await using var subscriber = Create(broker, settings, "sub");
        await using var publisher = Create(broker, settings, "pub");
        var clock = new Stopwatch();
        var watch = new DeliveryWatch(clock);
        await subscriber.StartAsync();
        await subscriber.SubscribeAsync(topic, qos, (_, _) =>
        {
            watch.Arrived();
            return Task.CompletedTask;
        });
        await publisher.StartAsync();

        clock.Start();
        await PublishAllAsync(publisher, topic, payload, settings.Messages, qos);
        return await watch.WaitAsync(settings.Messages, (int)qos, clock.Elapsed);
    }

    /// <summary>The same publisher, received by mosquitto_sub: the publishing side alone differs from mosquitto_pub's row.</summary>
    public static Task<ThroughputRun> ToMosquittoSubAsync(MosquittoProcess broker, BenchSettings settings, MessageQos qos) =>
        MosquittoClientRuns.ToMosquittoSubAsync(broker, settings, (int)qos, "ours", async topic =>
        {
            var payload = new byte[settings.Size];
            Array.Fill(payload, (byte)'x');
            await using var publisher = Create(broker, settings, "pub");
            await publisher.StartAsync();
            await PublishAllAsync(publisher, topic, payload, settings.Messages, qos);
        });

    /// <summary>256 concurrent callers of PublishAsync until <paramref name="messages"/> are acknowledged (QoS 1) or written (QoS 0).</summary>
    private static async Task PublishAllAsync(MqttTransport publisher, string topic, byte[] payload, int messages, MessageQos qos)
    {
        var next = -1;
        var refused = 0;
        var callers = Enumerable.Range(0, 256).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < messages)
            {
                var result = await publisher.PublishAsync(new OutgoingMessage(topic, payload, qos));
                if (!result.Accepted)
                {
                    Interlocked.Increment(ref refused);
                }
            }
        }));
        await Task.WhenAll(callers);
        if (refused > 0)
        {
            throw new InvalidOperationException($"{refused} publishes refused");
        }
    }

    /// <summary>One message at a time, QoS 1: from PublishAsync to the subscriber's handler, in microseconds.</summary>
    public static async Task<double[]> LatencyAsync(MosquittoProcess broker, BenchSettings settings)
    {
        var topic = $"bench/latency/{Guid.NewGuid():N}";
        var payload = new byte[settings.Size];
        await using var subscriber = Create(broker, settings, "lsub");
        await using var publisher = Create(broker, settings, "lpub");
        TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        await subscriber.StartAsync();
        await subscriber.SubscribeAsync(topic, MessageQos.AtLeastOnce, (_, _) =>
        {
            Volatile.Read(ref arrived).TrySetResult();
            return Task.CompletedTask;
        });
        await publisher.StartAsync();
        var samples = new double[settings.LatencySamples];
        for (var i = -100; i < samples.Length; i++) // 100 warm-up rounds
        {
            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref arrived, signal);
            var start = Stopwatch.GetTimestamp();
            await publisher.PublishAsync(new OutgoingMessage(topic, payload));
            await signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
            if (i >= 0)
            {
                samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }
        }

        Array.Sort(samples);
        return samples;
    }
}
