using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using ClassroomFleet.Snmp.Notifications;
using ClassroomFleet.Snmp.Pdus;
using ClassroomFleet.Snmp.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Snmp;

/// <summary>
/// Receives SNMPv1/v2c/v3 traps and informs on one UDP port (IPv4 or IPv6). An inform is acknowledged (RFC 3416
/// §4.2.7) only after it was queued; one dropped on a full queue is left unacknowledged so that its sender retransmits.
/// Read notifications with <see cref="ReadAllAsync"/>. Bad datagrams are dropped, counted and logged.
/// </summary>
public sealed class SnmpTrapReceiver : IAsyncDisposable
{
    private readonly Channel<SnmpNotification> _queue;
    private readonly HashSet<string> _communities;
    private readonly UsmNotificationHandler _usm;
    private readonly ILogger _logger;
    private readonly UdpChannel _channel;

    public SnmpTrapReceiver(SnmpTrapReceiverOptions options, ILogger<SnmpTrapReceiver>? logger = null)
    {
        var validation = new SnmpTrapReceiverOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        _logger = logger ?? (ILogger)NullLogger.Instance;
        _communities = new HashSet<string>(options.Communities, StringComparer.Ordinal);
        _queue = Channel.CreateBounded<SnmpNotification>(new BoundedChannelOptions(options.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
        });
        EngineId = options.EngineId.Length > 0 ? Convert.FromHexString(options.EngineId) : NewEngineId();
        _usm = new UsmNotificationHandler(EngineId.ToArray(), options.EngineBoots, [.. options.Users], Statistics, _logger);
        _channel = new UdpChannel(IPEndPoint.Parse(options.ListenEndPoint), SnmpClientOptions.DefaultSocketBufferBytes, OnDatagram, OnReceiveError);
        _logger.Listening(_channel.LocalEndPoint);
    }

    public SnmpTrapReceiverStatistics Statistics { get; } = new();

    public IPEndPoint LocalEndPoint => _channel.LocalEndPoint;

    /// <summary>Our snmpEngineID, which v3 inform senders discover and localise their keys to.</summary>
    public ReadOnlyMemory<byte> EngineId { get; }

    public IAsyncEnumerable<SnmpNotification> ReadAllAsync(CancellationToken cancellationToken = default) => _queue.Reader.ReadAllAsync(cancellationToken);

    public ValueTask<SnmpNotification> ReadAsync(CancellationToken cancellationToken = default) => _queue.Reader.ReadAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _channel.DisposeAsync().ConfigureAwait(false);
    }

    private void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        Statistics.OnReceived();
        var source = SourceOf(from);
        var sender = from;
        ReceivedNotification? received;
        try
        {
            received = SnmpMessageCodec.PeekVersion(datagram) == SnmpVersion.V3
                ? _usm.Handle(datagram.ToArray(), source, reply => _channel.SendNow(reply, sender))
                : HandleCommunity(datagram, source, sender);
        }
        catch (SnmpDecodeException ex)
        {
            Statistics.OnMalformed();
            _logger.TrapMalformed(new EndpointText(from), ex.Message);
            return;
        }

        if (received is not { } notification)
        {
            return;
        }

        using var acknowledgement = notification.Acknowledgement;
        if (!_queue.Writer.TryWrite(notification.Notification))
        {
            Statistics.OnQueueFull();
            _logger.TrapQueueFull(new EndpointText(from), notification.Notification.Kind);
            return;
        }

        Statistics.OnDelivered();
        if (notification.NeedsAcknowledgement)
        {
            _channel.SendNow(acknowledgement.Span, sender);
            Statistics.OnInformAcknowledged();
        }
    }

    private ReceivedNotification? HandleCommunity(ReadOnlySpan<byte> datagram, IPEndPoint source, SocketAddress sender)
    {
        var message = SnmpMessageCodec.DecodeCommunity(datagram);
        var community = Encoding.UTF8.GetString(message.Community.Span);
        if (!_communities.Contains(community))
        {
            Statistics.OnUnknownCommunity();
            _logger.TrapUnknownCommunity(new EndpointText(sender));
            return null;
        }

        switch (message.Pdu)
        {
            case TrapV1Pdu v1:
                return ReceivedNotification.Trap(new SnmpNotification(NotificationKind.TrapV1, message.Version, source, community, v1.Variables, v1));
            case Pdu { Type: PduType.TrapV2 } trap:
                return ReceivedNotification.Trap(new SnmpNotification(NotificationKind.Trap, message.Version, source, community, trap.Variables));
            case Pdu { Type: PduType.InformRequest } inform:
                // RFC 3416 §4.2.7: the Response carries the same request-id and variable bindings.
                var response = new Pdu(PduType.Response, inform.RequestId, ErrorStatus.NoError, 0, inform.Variables);
                return new ReceivedNotification(
                    new SnmpNotification(NotificationKind.Inform, message.Version, source, community, inform.Variables),
                    SnmpMessageCodec.EncodeCommunity(message.Version, message.Community.Span, response));
            default:
                Statistics.OnUnexpectedPdu();
                _logger.TrapUnexpectedPdu(new EndpointText(sender), message.Pdu.Type);
                return null;
        }
    }

    /// <summary>The sender; an IPv4 sender reaching a dual-mode "[::]" socket is shown as plain IPv4.</summary>
    private static IPEndPoint SourceOf(SocketAddress from)
    {
        var source = (IPEndPoint)new IPEndPoint(from.Family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0).Create(from);
        return source.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(source.Address.MapToIPv4(), source.Port) : source;
    }

    /// <summary>RFC 3411 §5 SnmpEngineID, format 5 (administratively assigned octets): enterprise 0 with the high bit set, then random octets.</summary>
    private static byte[] NewEngineId()
    {
        var id = new byte[13];
        id[0] = 0x80;
        id[4] = 0x05;
        RandomNumberGenerator.Fill(id.AsSpan(5));
        return id;
    }

    private void OnReceiveError(Exception exception)
    {
        if (exception is not SocketException)
        {
            Statistics.OnInternalError();
        }

        _logger.TrapReceiveError(exception.Message);
    }
}
