namespace ClassroomFleet.Messaging;

/// <summary>
/// Options of <see cref="MqttTransport"/>, bound from the section <c>Mqtt</c> and validated at start by
/// <see cref="MqttTransportOptionsValidator"/>. Defaults suit a school gateway on a flaky link.
/// </summary>
public sealed class MqttTransportOptions
{
    public const string SectionName = "Mqtt";
    public const int DefaultPort = 1883;
    public const int DefaultOutgoingQueueCapacity = 10_000;
    public const int DefaultMaximumInflight = 64;
    public const int DefaultMaximumPacketSize = 256 * 1024;
    public const int DefaultReceiveMaximum = 100;
    public const int DefaultSocketBufferBytes = 256 * 1024;

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = DefaultPort;

    /// <summary>Must be stable across restarts for a persistent session to be found again.</summary>
    public string ClientId { get; set; } = "";

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>"5.0" (default) or "3.1.1".</summary>
    public string ProtocolVersion { get; set; } = "5.0";

    /// <summary>False (default) keeps the broker session, so QoS 1 messages queued while offline are delivered.</summary>
    public bool CleanStart { get; set; }

    /// <summary>
    /// MQTT 5.0 Session Expiry Interval (§3.1.2.11.2). Always sent. A persistent session (CleanStart false) with zero
    /// expiry would be discarded at the first disconnect, so the validator refuses it.
    /// </summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long to wait for CONNACK, PUBACK, SUBACK before the connection is considered broken.</summary>
    public TimeSpan CommunicationTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// Largest packet in bytes, both ways: announced to the broker in CONNECT (§3.1.2.11.4) so it sends nothing larger,
    /// and checked before each publish together with the broker's own limit from CONNACK.
    /// </summary>
    public int MaximumPacketSize { get; set; } = DefaultMaximumPacketSize;

    /// <summary>
    /// MQTT 5.0 Receive Maximum (§3.1.2.11.3), sent in CONNECT: the QoS 1/2 messages the broker may send before this
    /// client has acknowledged them. The broker keeps the rest queued. Without it the broker may send 65,535, which a
    /// fleet falling behind InfluxDB would have to hold in memory (MQTTnet acknowledges each one after its handler).
    /// Under 3.1.1 the broker's own limit applies (mosquitto's <c>max_inflight_messages</c>).
    /// </summary>
    public int ReceiveMaximum { get; set; } = DefaultReceiveMaximum;

    /// <summary>
    /// SO_RCVBUF and SO_SNDBUF of the connection. MQTTnet sets both to 8 KiB unless told otherwise, which turns off the
    /// kernel's autotuning and lets the broker have only a few telemetry batches on the way to a busy fleet at a time.
    /// </summary>
    public int SocketBufferBytes { get; set; } = DefaultSocketBufferBytes;

    /// <summary>Messages accepted by PublishAsync and not yet acknowledged; PublishAsync waits when it is full.</summary>
    public int OutgoingQueueCapacity { get; set; } = DefaultOutgoingQueueCapacity;

    /// <summary>QoS 1/2 publishes sent and awaiting their acknowledgement at the same time.</summary>
    public int MaximumInflight { get; set; } = DefaultMaximumInflight;

    public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A handler running longer is logged and counted; the next message is then dispatched.</summary>
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After a lost connection, the newest QoS 1/2 messages the broker acknowledged within
    /// <see cref="RepublishAfterLossWindow"/> before the loss are sent once more, at most this many (0: never). A broker
    /// killed right after its PUBACK may not have saved the message (mosquitto 2.0 saves at the end of its loop turn,
    /// after the PUBACK went out); QoS 1 allows the duplicate. 0 or at least <see cref="MaximumInflight"/>:
    /// acknowledgements are processed out of order within the in-flight window.
    /// </summary>
    public int RepublishAfterLoss { get; set; } = DefaultMaximumInflight;

    public TimeSpan RepublishAfterLossWindow { get; set; } = TimeSpan.FromSeconds(2);

    public MqttTlsOptions Tls { get; set; } = new();

    public MqttWillOptions Will { get; set; } = new();

    internal bool IsVersion311 => ProtocolVersion == "3.1.1";

    /// <summary>A copy aimed at another broker (the nested TLS and will options are shared: they are not changed here).</summary>
    internal MqttTransportOptions WithEndpoint(string host, int port)
    {
        var copy = (MqttTransportOptions)MemberwiseClone();
        copy.Host = host;
        copy.Port = port;
        return copy;
    }
}
