using System.Net;
using ClassroomFleet.Snmp.Pdus;
using ClassroomFleet.Snmp.Transport;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Snmp.Usm;

/// <summary>
/// Checks an SNMPv3 answer against the request waiting for it (msgID, sender, digest, decryption) before handing it
/// over (RFC 3414 §3.2). Anything that fails is dropped and counted; the request then times out or gets a valid answer.
/// </summary>
internal sealed class UsmResponseHandler
{
    private readonly ResponseDispatcher _dispatcher;
    private readonly SnmpClientStatistics _statistics;
    private readonly ILogger _logger;

    public UsmResponseHandler(ResponseDispatcher dispatcher, SnmpClientStatistics statistics, ILogger logger)
    {
        _dispatcher = dispatcher;
        _statistics = statistics;
        _logger = logger;
    }

    public bool Handle(ReadOnlyMemory<byte> datagram, SocketAddress from)
    {
        V3Message message;
        try
        {
            message = V3Message.Parse(datagram.ToArray());
        }
        catch (SnmpDecodeException ex)
        {
            _statistics.MalformedDropped();
            _logger.MalformedDatagram(new EndpointText(from), ex.Message);
            return true;
        }

        if (!_dispatcher.TryGet(message.MsgId, out var pending) || pending.Version != SnmpVersion.V3)
        {
            _statistics.UnknownRequestIdDropped();
            _logger.UnknownRequestId(new EndpointText(from), message.MsgId);
            return true;
        }

        if (!pending.Endpoint.Equals(from))
        {
            _statistics.WrongEndpointDropped();
            _logger.WrongEndpoint(new EndpointText(from), message.MsgId);
            return true;
        }

        var keys = pending.Keys;
        if (message.IsAuthenticated && (keys is not { Authenticates: true } || !message.VerifyDigest(keys)))
        {
            Reject(from, "the digest does not match the user's key");
            return true;
        }

        ScopedPdu scoped;
        try
        {
            scoped = message.DecodeScopedPdu(message.IsEncrypted ? keys : null);
        }
        catch (SnmpDecodeException ex)
        {
            Reject(from, ex.Message);
            return true;
        }

        if (scoped.Pdu is not Pdu { Type: PduType.Response or PduType.Report } pdu)
        {
            _statistics.UnexpectedPduDropped();
            _logger.UnexpectedPdu(new EndpointText(from), scoped.Pdu.Type);
            return true;
        }

        if (pdu.Type == PduType.Response && ((keys is { Authenticates: true } && !message.IsAuthenticated) || pdu.RequestId != pending.RequestId))
        {
            // RFC 3412 §7.2 step 13: a response must come at the request's security level and carry its request-id.
            Reject(from, "the response is below the request's security level or carries another request-id");
            return true;
        }

        if (message.IsAuthenticated && pending.Engine is { } engine && !InTimeWindow(engine, message, pdu))
        {
            _statistics.NotInTimeWindowDropped();
            _logger.NotInTimeWindow(new EndpointText(from), message.Security.EngineBoots, message.Security.EngineTime);
            return true;
        }

        pending.ReplySecurity = message.Security;
        pending.ReplyAuthenticated = message.IsAuthenticated;
        pending.TrySetResult(pdu);
        return true;
    }

    /// <summary>
    /// RFC 3414 §3.2 step 7b. An authenticated usmStatsNotInTimeWindows report is exempt: it is how the engine tells us
    /// its real clock when ours ran ahead (RFC 3414 §4), and the sender resynchronises from it.
    /// </summary>
    private static bool InTimeWindow(EngineState engine, V3Message message, Pdu pdu)
    {
        var security = message.Security;
        if (!engine.EngineId.AsSpan().SequenceEqual(security.EngineId))
        {
            // Authenticated with keys localised to another engine ID: not an answer from the engine we asked.
            return false;
        }

        var inWindow = engine.AcceptIntoTimeWindow(security.EngineBoots, security.EngineTime);
        return inWindow || (pdu is { Type: PduType.Report, Variables: [{ } first, ..] } && first.Oid == UsmStatsOids.NotInTimeWindows);
    }

    private void Reject(SocketAddress from, string reason)
    {
        _statistics.AuthenticationFailed();
        _logger.SecurityFailure(new EndpointText(from), reason);
    }
}
