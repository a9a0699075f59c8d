using System.Text;
using ClassroomFleet.Snmp.Pdus;
using ClassroomFleet.Snmp.Transport;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Snmp.Usm;

/// <summary>
/// SNMPv3 requests with USM: discovers the agent's engine (RFC 3414 §4), localises the user's keys to it, and
/// resynchronises on usmStatsUnknownEngineIDs / usmStatsNotInTimeWindows reports before giving up.
/// </summary>
internal sealed class UsmRequestSender
{
    // One message size for everything we send; agents answer within it (RFC 3412 §6.3 msgMaxSize).
    private const int MaxMessageSize = 65_507;
    private const int MaxResynchronisations = 2;

    private readonly RequestIdGenerator _ids;
    private readonly ResponseDispatcher _dispatcher;
    private readonly RequestTransmitter _transmitter;
    private readonly SnmpClientStatistics _statistics;
    private readonly KeyCache _keys = new();

    public UsmRequestSender(RequestIdGenerator ids, ResponseDispatcher dispatcher, RequestTransmitter transmitter, SnmpClientStatistics statistics, ILogger logger)
    {
        _ids = ids;
        _dispatcher = dispatcher;
        _transmitter = transmitter;
        _statistics = statistics;
        var handler = new UsmResponseHandler(dispatcher, statistics, logger);
        dispatcher.V3Handler = handler.Handle;
        Engines.DuplicateEngineId += (first, second, engineId) =>
        {
            statistics.DuplicateEngineIdFound();
            logger.DuplicateEngineId(first.ToString(), second.ToString(), engineId);
        };
    }

    public EngineRegistry Engines { get; } = new();

    public async Task<Pdu> SendAsync(SnmpTarget target, Pdu pdu, OperationDeadline deadline, CancellationToken cancellationToken)
    {
        var credentials = target.Credentials
            ?? throw new SnmpException(SnmpErrorKind.InvalidRequest, $"{target} is SNMPv3 but has no credentials.");
        var problems = credentials.Validate();
        if (problems.Count > 0)
        {
            throw new SnmpException(SnmpErrorKind.InvalidRequest, $"Credentials for {target} are unusable: {string.Join(" ", problems)}");
        }

        if (!Engines.TryGet(target.Endpoint, out var engine))
        {
            engine = await DiscoverAsync(target, deadline, cancellationToken).ConfigureAwait(false);
        }

        for (var resync = 0; ; resync++)
        {
            var keys = _keys.Get(credentials, engine.EngineId);
            var (response, pending) = await ExchangeAsync(target, engine, keys, pdu, deadline, cancellationToken).ConfigureAwait(false);
            var security = pending.ReplySecurity!;
            if (response.Type == PduType.Response)
            {
                // The handler already checked an authenticated answer against the time window and adopted its clock.
                return response;
            }

            var report = response.Variables.Count > 0 ? response.Variables[0].Oid : Oid.Empty;
            if (resync < MaxResynchronisations && report == UsmStatsOids.UnknownEngineIds)
            {
                _statistics.EngineResynchronised();
                engine = Engines.Learn(target.Endpoint, security.EngineId, security.EngineBoots, security.EngineTime);
                continue;
            }

            if (resync < MaxResynchronisations && report == UsmStatsOids.NotInTimeWindows && pending.ReplyAuthenticated)
            {
                // RFC 3414 §4: an authenticated report carries the engine's current boots and time. It is taken even when
                // it lies behind our notion (a clock we ran ahead); it answers a request of ours, so its msgID cannot be old.
                _statistics.EngineResynchronised();
                engine.Set(security.EngineBoots, security.EngineTime);
                continue;
            }

            var kind = report == UsmStatsOids.DecryptionErrors ? SnmpErrorKind.Decryption
                : report == UsmStatsOids.NotInTimeWindows ? SnmpErrorKind.Report
                : report.StartsWith(Oid.Parse("1.3.6.1.6.3.15.1.1")) ? SnmpErrorKind.Authentication
                : SnmpErrorKind.Report;
            throw new SnmpException(kind, $"{target} user '{credentials.UserName}' refused: {UsmStatsOids.Describe(report)}.");
        }
    }

    /// <summary>RFC 3414 §4: an unauthenticated, empty request makes the agent report its engine ID, boots and time.</summary>
    private async Task<EngineState> DiscoverAsync(SnmpTarget target, OperationDeadline deadline, CancellationToken cancellationToken)
    {
        var probe = new Pdu(PduType.GetRequest, 0, ErrorStatus.NoError, 0, []);
        var (response, pending) = await ExchangeAsync(target, engine: null, keys: null, probe, deadline, cancellationToken).ConfigureAwait(false);
        var security = pending.ReplySecurity!;
        if (response.Type != PduType.Report || security.EngineId.Length == 0)
        {
            throw new SnmpException(SnmpErrorKind.Report, $"{target} did not report its engine ID on discovery.");
        }

        _statistics.EngineResynchronised();
        return Engines.Learn(target.Endpoint, security.EngineId, security.EngineBoots, security.EngineTime);
    }

    private async Task<(Pdu Response, PendingRequest Pending)> ExchangeAsync(
        SnmpTarget target, EngineState? engine, LocalizedKeys? keys, Pdu pdu, OperationDeadline deadline, CancellationToken cancellationToken)
    {
        var requestId = _ids.Next();
        var (boots, time) = engine?.Now() ?? (0, 0);
        var engineId = engine?.EngineId ?? [];
        var contextName = engine is null ? [] : Encoding.UTF8.GetBytes(target.ContextName);
        using var datagram = V3MessageEncoder.Encode(
            requestId, MaxMessageSize, reportable: true, engineId, boots, time, keys, engineId, contextName, pdu with { RequestId = requestId });
        var pending = new PendingRequest(requestId, _transmitter.AddressOf(target.Endpoint), SnmpVersion.V3, keys, engine);
        _dispatcher.Register(requestId, pending);
        try
        {
            var response = await _transmitter.TransmitAsync(target, pending, datagram.Memory, deadline, cancellationToken).ConfigureAwait(false);
            return (response, pending);
        }
        finally
        {
            _dispatcher.Unregister(requestId);
        }
    }
}
