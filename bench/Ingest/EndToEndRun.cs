using System.Diagnostics;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Bench.Ingest;

/// <summary>
/// N agents publish their batches with QoS 1 through mosquitto to the fleet, which writes them to influxd and
/// acknowledges each batch after the write; the clock stops when every batch is acknowledged (that is: stored).
/// </summary>
internal static class EndToEndRun
{
    public sealed record Result(long Points, TimeSpan Elapsed, TimeSpan FleetCpu, long FleetPeakBytes, IReadOnlyList<(TimeSpan At, long Bytes)> Memory)
    {
        public double PointsPerSecond => Points / Elapsed.TotalSeconds;
    }

    /// <param name="pace">Time between two batches of one agent; zero sends as fast as the broker takes them.</param>
    public static async Task<Result> RunAsync(
        FleetProcess fleet, string mqttHost, int mqttPort, SimulatedCounty county, int rounds, TimeSpan pace, CancellationToken cancellationToken)
    {
        long expected = (long)county.Agents * rounds;
        long acknowledged = 0;
        var allStored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var acks = new MqttTransport(new MqttTransportOptions { Host = mqttHost, Port = mqttPort, ClientId = "bench-acks", CleanStart = true }, NullLogger<MqttTransport>.Instance);
        await acks.StartAsync(cancellationToken);
        await acks.SubscribeAsync($"{Topics.Root}/{SimulatedCounty.County}/+/ack", MessageQos.AtLeastOnce, (message, _) =>
        {
            var ack = ContractSerializer.Deserialize(message.Payload.Span, ContractJsonContext.Default.AckMessage, a => a.Schema);
            if (Interlocked.Add(ref acknowledged, ack.Stored.Count) >= expected)
            {
                allStored.TrySetResult();
            }

            return Task.CompletedTask;
        }, cancellationToken);

        // A few connections carry all agents, as a handful of gateways behind one broker would for the fleet.
        const int Connections = 8;
        var publishers = new List<MqttTransport>();
        for (var i = 0; i < Connections; i++)
        {
            var publisher = new MqttTransport(new MqttTransportOptions { Host = mqttHost, Port = mqttPort, ClientId = $"bench-pub-{i}", CleanStart = true }, NullLogger<MqttTransport>.Instance);
            await publisher.StartAsync(cancellationToken);
            publishers.Add(publisher);
        }

        var memory = new List<(TimeSpan, long)>();
        var clock = Stopwatch.StartNew();
        var cpuBefore = fleet.CpuTime;
        long peak = 0;
        using var sampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                var bytes = fleet.WorkingSetBytes;
                peak = Math.Max(peak, bytes);
                lock (memory)
                {
                    memory.Add((clock.Elapsed, bytes));
                }

                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), sampling.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }, CancellationToken.None);

        var senders = Enumerable.Range(0, county.Agents).Select(agent => Task.Run(async () =>
        {
            var publisher = publishers[agent % Connections];
            for (var round = 0; round < rounds; round++)
            {
                var batch = county.Batch(agent, round, "e2e");
                var payload = ContractSerializer.Serialize(batch, ContractJsonContext.Default.TelemetryBatch);
                var result = await publisher.PublishAsync(new OutgoingMessage(Topics.Telemetry(batch.County, batch.School, batch.Device), payload), cancellationToken);
                if (!result.Accepted)
                {
                    throw new InvalidOperationException($"broker refused a batch: {result.Failure}");
                }

                if (pace > TimeSpan.Zero)
                {
                    await Task.Delay(pace, cancellationToken);
                }
            }
        }, cancellationToken)).ToList();

        await Task.WhenAll(senders);
        await allStored.Task.WaitAsync(TimeSpan.FromMinutes(15), cancellationToken);
        clock.Stop();
        await sampling.CancelAsync();
        await sampler;
        var cpu = fleet.CpuTime - cpuBefore;
        foreach (var publisher in publishers)
        {
            await publisher.DisposeAsync();
        }

        return new Result(expected * county.PointsPerBatch, clock.Elapsed, cpu, peak, memory);
    }
}
