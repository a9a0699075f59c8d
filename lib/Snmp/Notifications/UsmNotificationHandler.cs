using System.Diagnostics;
using System.Net;
using ClassroomFleet.Snmp.Ber;
using ClassroomFleet.Snmp.Pdus;
using ClassroomFleet.Snmp.Transport;
using ClassroomFleet.Snmp.Usm;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Snmp.Notifications;

/// <summary>
/// SNMPv3 notifications. Traps: the sender is authoritative, so keys are localised to the engine ID in the message.
/// Informs: we are authoritative (RFC 3414 §1.5.1), answer engine discovery with our engine ID, enforce the time
/// window, and acknowledge with a Response at the same security level.
/// </summary>
internal sealed class UsmNotificationHandler
{
    // RFC 3414 §3.2 step 7a: the time window is 150 seconds.
    private const int TimeWindowSeconds = 150;
    private const int MaxMessageSize = 65_507;

    private readonly byte[] _engineId;
    private readonly int _engineBoots;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly IReadOnlyList<UsmCredentials> _users;
    private readonly KeyCache _keys = new();
    private readonly SnmpTrapReceiverStatistics _statistics;
    private readonly ILogger _logger;
    private uint _unknownEngineIds;
    private uint _notInTimeWindows;
    private uint _unknownUserNames;

    public UsmNotificationHandler(byte[] engineId, int engineBoots, IReadOnlyList<UsmCredentials> users, SnmpTrapReceiverStatistics statistics, ILogger logger)
    {
        _engineId = engineId;
        _engineBoots = engineBoots;
        _users = users;
        _statistics = statistics;
        _logger = logger;
    }

    private int EngineTime => (int)Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;

    /// <summary>
    /// Returns the notification to deliver (with an inform's acknowledgement, which the caller sends once it is queued),
    /// or null; <paramref name="reply"/> receives any Report to send back at once.
    /// </summary>
    public ReceivedNotification? Handle(byte[] datagram, IPEndPoint source, Action<ReadOnlySpan<byte>> reply)
    {
        var message = V3Message.Parse(datagram);
        var engineId = message.Security.EngineId;
        var ours = engineId.AsSpan().SequenceEqual(_engineId);
        if (engineId.Length == 0 || (!ours && message.IsReportable))
        {
            // RFC 3414 §3.2 step 3 / §4: discovery (or an inform to some other engine): tell the sender our engine ID.
            if (message.IsReportable)
            {
                SendReport(message, UsmStatsOids.UnknownEngineIds, ++_unknownEngineIds, keys: null, RequestIdOf(message), reply);
            }
            else
            {
                Fail(source, "no authoritative engine ID");
            }

            return null;
        }

        var user = FindUser(message.Security.UserName);
        if (user is null)
        {
            Fail(source, "unknown user");
            if (message.IsReportable)
            {
                SendReport(message, UsmStatsOids.UnknownUserNames, ++_unknownUserNames, keys: null, RequestIdOf(message), reply);
            }

            return null;
        }

        var level = V3MessageFlags.For(user.Level);
        if ((message.Flags & (V3MessageFlags.Auth | V3MessageFlags.Priv)) != level)
        {
            Fail(source, $"security level does not match user {user.UserName}");
            return null;
        }

        var keys = _keys.Get(user, engineId);
        if (message.IsAuthenticated && !message.VerifyDigest(keys))
        {
            Fail(source, "wrong digest");
            return null;
        }

        if (ours && message.IsAuthenticated && !InTimeWindow(message.Security))
        {
            Fail(source, "not in time window");
            SendReport(message, UsmStatsOids.NotInTimeWindows, ++_notInTimeWindows, keys.WithoutPrivacy(), RequestIdOf(message), reply);
            return null;
        }

        ScopedPdu scoped;
        try
        {
            scoped = message.DecodeScopedPdu(keys);
        }
        catch (SnmpDecodeException ex)
        {
            Fail(source, ex.Message);
            return null;
        }

        switch (scoped.Pdu)
        {
            case Pdu { Type: PduType.TrapV2 } trap:
                return ReceivedNotification.Trap(new SnmpNotification(NotificationKind.Trap, SnmpVersion.V3, source, user.UserName, trap.Variables));
            case Pdu { Type: PduType.InformRequest } inform when ours:
                var response = new Pdu(PduType.Response, inform.RequestId, ErrorStatus.NoError, 0, inform.Variables);
                return new ReceivedNotification(
                    new SnmpNotification(NotificationKind.Inform, SnmpVersion.V3, source, user.UserName, inform.Variables),
                    V3MessageEncoder.Encode(
                        message.MsgId, MaxMessageSize, reportable: false, _engineId, _engineBoots, EngineTime, keys, scoped.ContextEngineId, scoped.ContextName, response));
            default:
                _statistics.OnUnexpectedPdu();
                _logger.TrapUnexpectedPdu(new EndpointText(source.Serialize()), scoped.Pdu.Type);
                return null;
        }
    }

    private bool InTimeWindow(UsmSecurityParameters security) =>
        security.EngineBoots == _engineBoots && Math.Abs((long)security.EngineTime - EngineTime) <= TimeWindowSeconds;

    private UsmCredentials? FindUser(byte[] userName)
    {
        var name = System.Text.Encoding.UTF8.GetString(userName);
        foreach (var user in _users)
        {
            if (string.Equals(user.UserName, name, StringComparison.Ordinal))
            {
                return user;
            }
        }

        return null;
    }

    /// <summary>The request-id of an unencrypted scopedPDU, for the report; 0 when it cannot be read (RFC 3412 §7.1 step 3).</summary>
    private static int RequestIdOf(V3Message message)
    {
        if (message.IsEncrypted)
        {
            return 0;
        }

        try
        {
            return message.DecodeScopedPdu(null).Pdu is Pdu pdu ? pdu.RequestId : 0;
        }
        catch (SnmpDecodeException)
        {
            return 0;
        }
    }

    private void SendReport(V3Message message, Oid counter, uint value, LocalizedKeys? keys, int requestId, Action<ReadOnlySpan<byte>> reply)
    {
        var report = new Pdu(PduType.Report, requestId, ErrorStatus.NoError, 0, [new Variable(counter, new Counter32(value))]);
        using PooledDatagram datagram = V3MessageEncoder.Encode(
            message.MsgId, MaxMessageSize, reportable: false, _engineId, _engineBoots, EngineTime, keys, _engineId, [], report);
        reply(datagram.Span);
        _statistics.OnReportSent();
    }

    private void Fail(IPEndPoint source, string reason)
    {
        _statistics.OnSecurityFailure();
        _logger.TrapSecurityFailure(new EndpointText(source.Serialize()), reason);
    }
}
