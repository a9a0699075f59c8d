using ClassroomFleet.Messaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Bench.Ingest;

/// <summary>The generator on the project's own MQTT transport (MQTTnet 5), as an agent publishes.</summary>
internal sealed class TransportPublisher : IBenchPublisher
{
    private readonly MqttTransport _transport;

    private TransportPublisher(MqttTransport transport) => _transport = transport;

    public static async Task<IBenchPublisher> ConnectAsync(string host, int port, string clientId, CancellationToken cancellationToken)
    {
        var transport = new MqttTransport(new MqttTransportOptions { Host = host, Port = port, ClientId = clientId, CleanStart = true }, NullLogger<MqttTransport>.Instance);
        await transport.StartAsync(cancellationToken);
        return new TransportPublisher(transport);
    }

    public async Task PublishAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        var result = await _transport.PublishAsync(message, cancellationToken);
        if (!result.Accepted)
        {
            throw new InvalidOperationException($"broker refused a batch: {result.Failure}");
        }
    }

    public ValueTask DisposeAsync() => _transport.DisposeAsync();
}
