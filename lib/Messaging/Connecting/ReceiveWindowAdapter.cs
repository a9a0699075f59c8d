using System.Net;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Adapter;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;

namespace ClassroomFleet.Messaging.Connecting;

/// <summary>
/// Holds a broker to the Receive Maximum this client announced (MQTT 5.0 §4.9). MQTTnet reads every packet the
/// broker sends into an unbounded queue and acknowledges each after its handler; a broker that overruns the window
/// (mosquitto 2.0.11 does while acknowledgements stream in, its issue #2301) would fill this process with its backlog.
/// Here the next packet is not read while more QoS 1/2 messages than the window are unacknowledged, so the backlog
/// stays in the socket and the broker's queue. A broker that keeps the window never meets the limit, so reading (and
/// with it PINGRESP and the broker's acknowledgements of our own publishes) is then never held up. Under 3.1.1, which
/// announces no window, the transport gives no limit.
/// </summary>
internal sealed class ReceiveWindowAdapter(IMqttChannelAdapter inner, int window) : IMqttChannelAdapter
{
    private readonly SemaphoreSlim _acknowledged = new(0);
    private int _unacknowledged;

    public long BytesReceived => inner.BytesReceived;

    public long BytesSent => inner.BytesSent;

    public X509Certificate2 ClientCertificate => inner.ClientCertificate;

    public EndPoint RemoteEndPoint => inner.RemoteEndPoint;

    public EndPoint LocalEndPoint => inner.LocalEndPoint;

    public bool IsSecureConnection => inner.IsSecureConnection;

    public MqttPacketFormatterAdapter PacketFormatterAdapter => inner.PacketFormatterAdapter;

    /// <summary>QoS 1/2 messages read and not yet acknowledged on this connection.</summary>
    internal int Unacknowledged => Volatile.Read(ref _unacknowledged);

    public Task ConnectAsync(CancellationToken cancellationToken) => inner.ConnectAsync(cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken) => inner.DisconnectAsync(cancellationToken);

    public async Task<MqttPacket> ReceivePacketAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _unacknowledged) > window)
        {
            await _acknowledged.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        var packet = await inner.ReceivePacketAsync(cancellationToken).ConfigureAwait(false);
        if (packet is MqttPublishPacket { QualityOfServiceLevel: not MqttQualityOfServiceLevel.AtMostOnce })
        {
            Interlocked.Increment(ref _unacknowledged);
        }

        return packet;
    }

    public async Task SendPacketAsync(MqttPacket packet, CancellationToken cancellationToken)
    {
        await inner.SendPacketAsync(packet, cancellationToken).ConfigureAwait(false);
        // QoS 1 ends with our PUBACK, QoS 2 with our PUBCOMP (or a PUBREC that refuses the message).
        if (packet is MqttPubAckPacket or MqttPubCompPacket || (packet is MqttPubRecPacket { ReasonCode: >= MqttPubRecReasonCode.UnspecifiedError }))
        {
            if (Interlocked.Decrement(ref _unacknowledged) == window)
            {
                _acknowledged.Release();
            }
        }
    }

    public void ResetStatistics() => inner.ResetStatistics();

    public void Dispose()
    {
        inner.Dispose();
        _acknowledged.Dispose();
    }
}
