using MQTTnet;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Implementations;

namespace ClassroomFleet.Messaging.Connecting;

/// <summary>MQTTnet's own channel adapters, each wrapped in a <see cref="ReceiveWindowAdapter"/> of the given window.</summary>
internal sealed class ReceiveWindowAdapterFactory(int window) : IMqttClientAdapterFactory
{
    private readonly MqttClientAdapterFactory _inner = new();

    /// <summary>The adapter of the newest connection attempt, if any.</summary>
    public ReceiveWindowAdapter? Current { get; private set; }

    public IMqttChannelAdapter CreateClientAdapter(MqttClientOptions options, MqttPacketInspector packetInspector, IMqttNetLogger logger)
    {
        var adapter = new ReceiveWindowAdapter(_inner.CreateClientAdapter(options, packetInspector, logger), window);
        Current = adapter;
        return adapter;
    }
}
