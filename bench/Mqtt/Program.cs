using System.Globalization;
using ClassroomFleet.Bench.Mqtt;
using ClassroomFleet.Messaging;
using ClassroomFleet.Testing;

// Publish throughput (QoS 0 and 1) and end-to-end latency through a private mosquitto, next to mosquitto_pub/_sub.
// dotnet run -c Release --project bench/Mqtt -- --messages 100000 [--size 80] [--inflight 64] [--latency 2000]
var settings = BenchSettings.Parse(args);
await using var broker = new MosquittoProcess
{
    PersistenceConfig = "persistence false\n",
    ExtraConfig = "max_queued_messages 0\nmax_inflight_messages 0\nlog_type subscribe\n",
};
await broker.StartAsync();
Console.WriteLine($"mosquitto {broker.Port}: {settings.Messages} messages of {settings.Size} bytes, {settings.Inflight} in flight, {Environment.ProcessorCount} cores");
Console.WriteLine();
Console.WriteLine("| client | QoS | publish done (s) | last delivered (s) | delivered | msg/s (delivered) |");
Console.WriteLine("|---|---|---|---|---|---|");

static string Row(string client, int qos, ThroughputRun run, int messages) => string.Create(CultureInfo.InvariantCulture,
    $"| {client} | {qos} | {run.Published.TotalSeconds:F2} | {run.Delivered.TotalSeconds:F2} | {(run.Received == messages ? "all" : $"{run.Received:N0} of {messages:N0}")} | {run.Received / run.Delivered.TotalSeconds:N0} |");

foreach (var qos in new[] { 0, 1 })
{
    await TransportRuns.ThroughputAsync(broker, settings with { Messages = Math.Min(settings.Messages, 5000) }, (MessageQos)qos); // warm-up
    Console.WriteLine(Row("MqttTransport", qos, await TransportRuns.ThroughputAsync(broker, settings, (MessageQos)qos), settings.Messages));
    Console.WriteLine(Row("mosquitto_pub/_sub", qos, await MosquittoClientRuns.ThroughputAsync(broker, settings, qos), settings.Messages));
    // The publishers alone, each received by mosquitto_sub: MqttTransport, MQTTnet's bare client (what the transport
    // adds on top of it), mosquitto_pub again.
    Console.WriteLine(Row("MqttTransport → mosquitto_sub", qos, await TransportRuns.ToMosquittoSubAsync(broker, settings, (MessageQos)qos), settings.Messages));
    Console.WriteLine(Row("MQTTnet client → mosquitto_sub", qos, await MqttnetClientRuns.ToMosquittoSubAsync(broker, settings, qos), settings.Messages));
}

var latency = await TransportRuns.LatencyAsync(broker, settings);
Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"QoS 1 end-to-end latency, MqttTransport, {latency.Length} sequential messages: p50 {latency[latency.Length / 2]:F0} µs, p99 {latency[(int)(latency.Length * 0.99)]:F0} µs, max {latency[^1]:F0} µs"));
