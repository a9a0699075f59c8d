using System.Collections.Concurrent;
using System.Net;
using ClassroomFleet.Snmp.Pdus;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Snmp.Transport;

/// <summary>
/// Routes each received datagram to the request waiting for it, by request-id, after checking that it came from the
/// address the request went to. Everything else is dropped, counted and logged.
/// </summary>
internal sealed class ResponseDispatcher
{
    private readonly ConcurrentDictionary<int, PendingRequest> _pending = new();
    private readonly SnmpClientStatistics _statistics;
    private readonly ILogger _logger;

    public ResponseDispatcher(SnmpClientStatistics statistics, ILogger logger)
    {
        _statistics = statistics;
        _logger = logger;
    }

    /// <summary>Optional handler for SNMPv3 datagrams; returns true when it took the datagram.</summary>
    public Func<ReadOnlyMemory<byte>, SocketAddress, bool>? V3Handler { get; set; }

    public bool Register(int requestId, PendingRequest request) => _pending.TryAdd(requestId, request);

    public void Unregister(int requestId) => _pending.TryRemove(requestId, out _);

    public bool TryGet(int requestId, out PendingRequest request) => _pending.TryGetValue(requestId, out request!);

    public void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        _statistics.Received();
        CommunityMessage message;
        try
        {
            if (SnmpMessageCodec.PeekVersion(datagram) == SnmpVersion.V3)
            {
                if (V3Handler is not { } handler || !handler(datagram.ToArray(), from))
                {
                    _statistics.UnexpectedPduDropped();
                    _logger.UnexpectedPdu(new EndpointText(from), PduType.Report);
                }

                return;
            }

            message = SnmpMessageCodec.DecodeCommunity(datagram);
        }
        catch (SnmpDecodeException ex)
        {
            _statistics.MalformedDropped();
            _logger.MalformedDatagram(new EndpointText(from), ex.Message);
            return;
        }

        if (message.Pdu is not Pdu { Type: PduType.Response } response)
        {
            _statistics.UnexpectedPduDropped();
            _logger.UnexpectedPdu(new EndpointText(from), message.Pdu.Type);
            return;
        }

        Complete(response, message.Version, from);
    }

    /// <summary>Hands a decoded answer to its request, if it has one and the sender is right.</summary>
    public void Complete(Pdu response, SnmpVersion version, SocketAddress from)
    {
        if (!_pending.TryGetValue(response.RequestId, out var request) || request.Version != version)
        {
            _statistics.UnknownRequestIdDropped();
            _logger.UnknownRequestId(new EndpointText(from), response.RequestId);
            return;
        }

        if (!request.Endpoint.Equals(from))
        {
            _statistics.WrongEndpointDropped();
            _logger.WrongEndpoint(new EndpointText(from), response.RequestId);
            return;
        }

        request.TrySetResult(response);
    }
}
