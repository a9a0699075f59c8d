using ClassroomFleet.Testing;
using MQTTnet;
using MQTTnet.Protocol;

namespace ClassroomFleet.Bench.Mqtt;

/// <summary>
/// MQTTnet's own client with no transport around it (no queue, no pump, no result mapping), the same in-flight window:
/// what MqttTransport costs on top of the library it is built on.
/// </summary>
internal static class MqttnetClientRuns
{
    public static Task<ThroughputRun> ToMosquittoSubAsync(MosquittoProcess broker, BenchSettings settings, int qos) =>
        MosquittoClientRuns.ToMosquittoSubAsync(broker, settings, qos, "mqttnet", async topic =>
        {
            using var client = new MqttClientFactory().CreateMqttClient();
            await client.ConnectAsync(new MqttClientOptionsBuilder()
                .WithTcpServer(broker.Host, broker.Port)
                .WithClientId($"bench-mqttnet-{Guid.NewGuid():N}")
                .WithCleanStart(true)
                .Build());
            var payload = new byte[settings.Size];
            Array.Fill(payload, (byte)'x');
            using var window = new SemaphoreSlim(settings.Inflight, settings.Inflight);
            var sends = new List<Task>(settings.Messages);
            for (var i = 0; i < settings.Messages; i++)
            {
                await window.WaitAsync();
                sends.Add(SendAsync(client, topic, payload, (MqttQualityOfServiceLevel)qos, window));
            }

            await Task.WhenAll(sends);
            await client.DisconnectAsync();
        });

    private static async Task SendAsync(IMqttClient client, string topic, byte[] payload, MqttQualityOfServiceLevel qos, SemaphoreSlim window)
    {
        try
        {
            var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(qos).Build();
            var result = await client.PublishAsync(message);
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"publish refused: {result.ReasonCode}");
            }
        }
        finally
        {
            window.Release();
        }
    }
}
