using ClassroomFleet.Contracts.Messages;
using ClassroomFleet.Contracts.Serialization;
using ClassroomFleet.Contracts.Topics;
using ClassroomFleet.Messaging;
using ClassroomFleet.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Fleet.Tests.Registry;

/// <summary>Publishes retained inventory and status messages to the real mosquitto, and clears every retained topic it used at dispose.</summary>
public sealed class TestPublisher : IAsyncDisposable
{
    private readonly MqttTransport _transport;
    private readonly HashSet<string> _retained = [];

    private TestPublisher(MqttTransport transport) => _transport = transport;

    public static async Task<TestPublisher> StartAsync(CancellationToken cancellationToken = default)
    {
        var (host, port) = ServiceEndpoints.Mqtt;
        var transport = new MqttTransport(
            new MqttTransportOptions { Host = host, Port = port, ClientId = "registry-test-pub-" + Guid.NewGuid().ToString("N")[..8], CleanStart = true },
            NullLogger<MqttTransport>.Instance);
        await transport.StartAsync(cancellationToken);
        await transport.WaitConnectedAsync(cancellationToken);
        return new TestPublisher(transport);
    }

    public Task PublishInventoryAsync(string county, string school, InventoryMessage inventory, CancellationToken cancellationToken = default) =>
        PublishRawAsync(Topics.Inventory(county, school), ContractSerializer.Serialize(inventory, ContractJsonContext.Default.InventoryMessage), cancellationToken);

    public Task PublishStatusAsync(string county, string school, AgentStatus status, CancellationToken cancellationToken = default) =>
        PublishRawAsync(Topics.Status(county, school), ContractSerializer.Serialize(status, ContractJsonContext.Default.AgentStatus), cancellationToken);

    public async Task PublishRawAsync(string topic, byte[] payload, CancellationToken cancellationToken = default)
    {
        _retained.Add(topic);
        var result = await _transport.PublishAsync(new OutgoingMessage(topic, payload, MessageQos.AtLeastOnce, Retain: true), cancellationToken);
        Assert.True(result.Accepted, $"broker refused {topic}: {result.Failure}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var topic in _retained)
        {
            await _transport.PublishAsync(new OutgoingMessage(topic, ReadOnlyMemory<byte>.Empty, MessageQos.AtLeastOnce, Retain: true));
        }

        await _transport.StopAsync();
        await _transport.DisposeAsync();
    }
}
