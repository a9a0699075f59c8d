using System.Collections.Concurrent;
using System.Diagnostics;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Messaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Bench.Ingest;

/// <summary>
/// N agents publish their batches with QoS 1 through mosquitto to the fleet, which writes them to influxd and
/// acknowledges each batch after the write; the clock stops when every batch is acknowledged (that is: stored), each
/// (agent, batch) counted once. The fleet's working set is sampled every second.
/// </summary>
internal static class EndToEndRun
{
    public sealed record Result(long Points, TimeSpan Elapsed, CpuReading Cpu, long FleetPeakBytes, IReadOnlyList<(TimeSpan At, long Bytes)> Memory)
    {
        public double PointsPerSecond => Points / Elapsed.TotalSeconds;
    }

    /// <param name="firstRound">The first batch number of each agent: runs in one process use distinct numbers.</param>
    /// <param name="pace">Time between two batches of one agent; zero sends as fast as the broker takes them.</param>
    public static async Task<Result> RunAsync(
        FleetProcess fleet, string mqttHost, int mqttPort, SimulatedCounty county, int firstRound, int rounds, TimeSpan pace, Generator generator, CpuMeter cpu, CancellationToken cancellationToken)
    {
        long expected = (long)county.Agents * rounds;
        // Each (agent, batch) once: a repeated acknowledgement must not count twice, nor one of an earlier run.
        var stored = new ConcurrentDictionary<(string Agent, long Sequence), byte>();
        var allStored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runId = Guid.NewGuid().ToString("N")[..8];
        await using var acks = new MqttTransport(new MqttTransportOptions { Host = mqttHost, Port = mqttPort, ClientId = "bench-acks-" + runId, CleanStart = true }, NullLogger<MqttTransport>.Instance);
        await acks.StartAsync(cancellationToken);
        await acks.SubscribeAsync($"{Topics.Root}/{SimulatedCounty.County}/+/ack", MessageQos.AtLeastOnce, (message, _) =>
        {
            var ack = ContractSerializer.Deserialize(message.Payload.Span, ContractJsonContext.Default.AckMessage, a => a.Schema);
            foreach (var sequence in ack.Stored)
            {
                if (sequence > firstRound && sequence <= firstRound + rounds)
                {
                    stored.TryAdd((ack.Agent, sequence), 0);
                }
            }

            if (stored.Count >= expected)
            {
                allStored.TrySetResult();
            }

            return Task.CompletedTask;
        }, cancellationToken);

        // A few connections carry all agents, as a handful of gateways behind one broker would for the fleet.
        const int Connections = 8;
        var publishers = new List<IBenchPublisher>();
        for (var i = 0; i < Connections; i++)
        {
            var clientId = $"bench-pub-{runId}-{i}";
            publishers.Add(generator == Generator.Lean
                ? await LeanMqttPublisher.ConnectAsync(mqttHost, mqttPort, clientId, cancellationToken)
                : await TransportPublisher.ConnectAsync(mqttHost, mqttPort, clientId, cancellationToken));
        }

        // At full speed the agents' payloads are encoded before the clock starts, as the raw write's lines are: agents run
        // on gateways of their own, so encoding them here would take this machine's CPU from the pipeline being measured.
        // A paced run (the soak) encodes as it goes, which keeps its memory small.
        var encoded = pace == TimeSpan.Zero
            ? Enumerable.Range(0, county.Agents).Select(agent => Enumerable.Range(firstRound, rounds).Select(round => Encode(county, agent, round)).ToArray()).ToArray()
            : null;
        var memory = new List<(TimeSpan, long)>();
        var cpuBefore = cpu.Read();
        var clock = Stopwatch.StartNew();
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
            for (var round = firstRound; round < firstRound + rounds; round++)
            {
                var message = encoded?[agent][round - firstRound] ?? Encode(county, agent, round);
                await publisher.PublishAsync(message, cancellationToken);

                // On a schedule, not a delay after each publish: the time a publish takes must not slow the pace.
                var wait = (pace * (round - firstRound + 1)) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, cancellationToken);
                }
            }
        }, cancellationToken)).ToList();

        await Task.WhenAll(senders);
        try
        {
            await allStored.Task.WaitAsync(TimeSpan.FromMinutes(15), cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"only {stored.Count:N0} of {expected:N0} batches were acknowledged within 15 minutes of the last publish");
        }

        clock.Stop();
        var used = cpu.Read().Since(cpuBefore);
        await sampling.CancelAsync();
        await sampler;
        foreach (var publisher in publishers)
        {
            await publisher.DisposeAsync();
        }

        return new Result(expected * county.PointsPerBatch, clock.Elapsed, used, peak, memory);
    }

    private static OutgoingMessage Encode(SimulatedCounty county, int agent, int round)
    {
        var batch = county.Batch(agent, round, "e2e");
        var payload = ContractSerializer.Serialize(batch, ContractJsonContext.Default.TelemetryBatch);
        return new OutgoingMessage(Topics.Telemetry(batch.County, batch.School, batch.Device), payload);
    }
}
