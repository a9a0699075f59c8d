using System.Net;
using System.Text;
using ClassroomFleet.Snmp.Pdus;
using ClassroomFleet.Snmp.Transport;
using ClassroomFleet.Snmp.Usm;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClassroomFleet.Snmp;

/// <summary>
/// An SNMP manager. One UDP socket carries every request to every target; answers are matched by request-id and
/// sender address, so thousands of requests may be outstanding at once. Thread-safe.
/// </summary>
public sealed class SnmpClient : IAsyncDisposable
{
    // Longer communities are refused rather than silently truncated.
    private const int MaxCommunityBytes = 255;

    private readonly ILogger _logger;
    private readonly RequestIdGenerator _requestIds = new();
    private readonly ResponseDispatcher _dispatcher;
    private readonly UdpChannel _channel;
    private readonly RequestTransmitter _transmitter;
    private readonly UsmRequestSender _usm;
    private readonly AgentThrottle _throttle;

    public SnmpClient(SnmpClientOptions options, ILogger<SnmpClient>? logger = null)
    {
        var validation = new SnmpClientOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            throw new ArgumentException(validation.FailureMessage, nameof(options));
        }

        _logger = logger ?? (ILogger)NullLogger.Instance;
        _dispatcher = new ResponseDispatcher(Statistics, _logger);
        _channel = new UdpChannel(IPEndPoint.Parse(options.LocalEndPoint), options.SocketBufferBytes, _dispatcher.OnDatagram, OnReceiveError);
        _throttle = new AgentThrottle(options.MaxOutstandingPerAgent);
        _transmitter = new RequestTransmitter(_channel, Statistics, _logger);
        _usm = new UsmRequestSender(_requestIds, _dispatcher, _transmitter, Statistics, _logger);
        _logger.SocketBound(_channel.LocalEndPoint);
    }

    public SnmpClientStatistics Statistics { get; } = new();

    public IPEndPoint LocalEndPoint => _channel.LocalEndPoint;

    /// <summary>SNMPv3 engines learned so far, by agent endpoint.</summary>
    internal EngineRegistry Engines => _usm.Engines;

    /// <summary>GET (RFC 3416 §4.2.1). Values the agent lacks come back as noSuchObject/noSuchInstance (v2c) or as a noSuchName error (v1).</summary>
    public Task<IReadOnlyList<Variable>> GetAsync(SnmpTarget target, IReadOnlyList<Oid> oids, CancellationToken cancellationToken = default) =>
        GetAsync(target, oids, budget: null, cancellationToken);

    /// <summary>GET within a device poll's shared <paramref name="budget"/>.</summary>
    public async Task<IReadOnlyList<Variable>> GetAsync(SnmpTarget target, IReadOnlyList<Oid> oids, SnmpBudget? budget, CancellationToken cancellationToken = default)
    {
        var deadline = OperationDeadline.Start(target.Budget, budget);
        return await GetSplittingAsync(target, PduType.GetRequest, ToRequestVariables(oids), deadline, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GETNEXT (RFC 3416 §4.2.2): the next instance after each OID.</summary>
    public Task<IReadOnlyList<Variable>> GetNextAsync(SnmpTarget target, IReadOnlyList<Oid> oids, CancellationToken cancellationToken = default) =>
        GetNextAsync(target, oids, budget: null, cancellationToken);

    /// <summary>GETNEXT within a device poll's shared <paramref name="budget"/>.</summary>
    public async Task<IReadOnlyList<Variable>> GetNextAsync(SnmpTarget target, IReadOnlyList<Oid> oids, SnmpBudget? budget, CancellationToken cancellationToken = default)
    {
        var deadline = OperationDeadline.Start(target.Budget, budget);
        return await GetSplittingAsync(target, PduType.GetNextRequest, ToRequestVariables(oids), deadline, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GETBULK (RFC 3416 §4.2.3). Not available in SNMPv1.</summary>
    public Task<IReadOnlyList<Variable>> GetBulkAsync(
        SnmpTarget target, int nonRepeaters, int maxRepetitions, IReadOnlyList<Oid> oids, CancellationToken cancellationToken = default) =>
        GetBulkAsync(target, nonRepeaters, maxRepetitions, oids, budget: null, cancellationToken);

    /// <summary>GETBULK within a device poll's shared <paramref name="budget"/>.</summary>
    public async Task<IReadOnlyList<Variable>> GetBulkAsync(
        SnmpTarget target, int nonRepeaters, int maxRepetitions, IReadOnlyList<Oid> oids, SnmpBudget? budget, CancellationToken cancellationToken = default)
    {
        RequireBulk(target);
        var deadline = OperationDeadline.Start(target.Budget, budget);
        var pdu = Pdu.GetBulk(0, nonRepeaters, maxRepetitions, ToRequestVariables(oids));
        var response = await SendAsync(target, pdu, deadline, cancellationToken).ConfigureAwait(false);
        ThrowOnError(target, response);
        return response.Variables;
    }

    /// <summary>SET (RFC 3416 §4.2.5); returns the agent's answer bindings.</summary>
    public Task<IReadOnlyList<Variable>> SetAsync(SnmpTarget target, IReadOnlyList<Variable> variables, CancellationToken cancellationToken = default) =>
        SetAsync(target, variables, budget: null, cancellationToken);

    /// <summary>SET within a device poll's shared <paramref name="budget"/>.</summary>
    public async Task<IReadOnlyList<Variable>> SetAsync(SnmpTarget target, IReadOnlyList<Variable> variables, SnmpBudget? budget, CancellationToken cancellationToken = default)
    {
        var deadline = OperationDeadline.Start(target.Budget, budget);
        var response = await SendAsync(target, new Pdu(PduType.SetRequest, 0, ErrorStatus.NoError, 0, variables), deadline, cancellationToken)
            .ConfigureAwait(false);
        ThrowOnError(target, response);
        return response.Variables;
    }

    /// <summary>
    /// Every instance under <paramref name="root"/>, in order: GETBULK with the target's max-repetitions, or GETNEXT when
    /// the target asks for it or speaks v1. Stops at the end of the subtree or at endOfMibView; a non-increasing OID
    /// ends the walk with <see cref="SnmpErrorKind.NonIncreasingOid"/>. If the subtree is empty but root itself is an
    /// instance, that instance is returned (as net-snmp's walk does).
    /// </summary>
    public IAsyncEnumerable<Variable> WalkAsync(SnmpTarget target, Oid root, CancellationToken cancellationToken = default) =>
        WalkAsync(target, root, budget: null, cancellationToken);

    /// <summary>A walk within a device poll's shared <paramref name="budget"/>.</summary>
    public IAsyncEnumerable<Variable> WalkAsync(SnmpTarget target, Oid root, SnmpBudget? budget, CancellationToken cancellationToken = default) =>
        new SnmpWalker(this, target, root).RunAsync(budget, cancellationToken);

    /// <summary>Reads a conceptual table by walking its columns together; rows are keyed by the index after each column OID.</summary>
    public Task<SnmpTable> GetTableAsync(SnmpTarget target, IReadOnlyList<Oid> columns, CancellationToken cancellationToken = default) =>
        GetTableAsync(target, columns, budget: null, cancellationToken);

    /// <summary>A table read within a device poll's shared <paramref name="budget"/>.</summary>
    public Task<SnmpTable> GetTableAsync(SnmpTarget target, IReadOnlyList<Oid> columns, SnmpBudget? budget, CancellationToken cancellationToken = default) =>
        new SnmpTableReader(this, target, columns).ReadAsync(budget, cancellationToken);

    public async ValueTask DisposeAsync() => await _channel.DisposeAsync().ConfigureAwait(false);

    internal static void RequireBulk(SnmpTarget target)
    {
        if (target.Version == SnmpVersion.V1)
        {
            throw new SnmpException(SnmpErrorKind.InvalidRequest, "GETBULK does not exist in SNMPv1 (RFC 3416 §4.2.3 is v2 only).");
        }
    }

    internal static void ThrowOnError(SnmpTarget target, Pdu response)
    {
        if (response.ErrorStatus != ErrorStatus.NoError)
        {
            throw new SnmpException(
                response.ErrorStatus,
                response.ErrorIndex,
                $"{target} answered {response.ErrorStatus} (error-index {response.ErrorIndex}).");
        }
    }

    /// <summary>GET/GETNEXT that halves the variable list while the agent answers tooBig (RFC 3416 §4.2.1).</summary>
    private async Task<IReadOnlyList<Variable>> GetSplittingAsync(
        SnmpTarget target, PduType type, Variable[] variables, OperationDeadline deadline, CancellationToken cancellationToken)
    {
        var response = await SendAsync(target, new Pdu(type, 0, ErrorStatus.NoError, 0, variables), deadline, cancellationToken).ConfigureAwait(false);
        if (response.ErrorStatus == ErrorStatus.TooBig && variables.Length > 1)
        {
            var half = variables.Length / 2;
            var first = await GetSplittingAsync(target, type, Slice(variables, 0, half), deadline, cancellationToken).ConfigureAwait(false);
            var second = await GetSplittingAsync(target, type, Slice(variables, half, variables.Length - half), deadline, cancellationToken)
                .ConfigureAwait(false);
            return [.. first, .. second];
        }

        ThrowOnError(target, response);
        return response.Variables;
    }

    /// <summary>
    /// Sends one request and waits for its answer, retransmitting with the same request-id after each timeout, never
    /// past the operation's deadline. The answer may carry a non-zero error-status; the caller decides.
    /// </summary>
    internal Task<Pdu> SendAsync(SnmpTarget target, Pdu pdu, OperationDeadline deadline, CancellationToken cancellationToken) =>
        _throttle.RunAsync(
            target,
            deadline,
            () => target.Version == SnmpVersion.V3
                ? _usm.SendAsync(target, pdu, deadline, cancellationToken)
                : SendCommunityAsync(target, pdu, deadline, cancellationToken),
            cancellationToken);

    private async Task<Pdu> SendCommunityAsync(SnmpTarget target, Pdu pdu, OperationDeadline deadline, CancellationToken cancellationToken)
    {
        var requestId = _requestIds.Next();
        using var datagram = EncodeCommunity(target, pdu with { RequestId = requestId });
        var pending = new PendingRequest(requestId, _transmitter.AddressOf(target.Endpoint), target.Version);
        _dispatcher.Register(requestId, pending);
        try
        {
            return await _transmitter.TransmitAsync(target, pending, datagram.Memory, deadline, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _dispatcher.Unregister(requestId);
        }
    }

    private static Ber.PooledDatagram EncodeCommunity(SnmpTarget target, Pdu request)
    {
        Span<byte> community = stackalloc byte[MaxCommunityBytes];
        int length;
        try
        {
            length = Encoding.UTF8.GetBytes(target.Community, community);
        }
        catch (ArgumentException ex)
        {
            throw new SnmpException(SnmpErrorKind.InvalidRequest, $"The community for {target.Endpoint} is longer than {MaxCommunityBytes} bytes.", ex);
        }

        return SnmpMessageCodec.EncodeCommunity(target.Version, community[..length], request);
    }

    private static Variable[] ToRequestVariables(IReadOnlyList<Oid> oids)
    {
        var variables = new Variable[oids.Count];
        for (var i = 0; i < variables.Length; i++)
        {
            variables[i] = Variable.ForRequest(oids[i]);
        }

        return variables;
    }

    private static Variable[] Slice(Variable[] variables, int start, int count) => variables.AsSpan(start, count).ToArray();

    private void OnReceiveError(Exception exception)
    {
        if (exception is not System.Net.Sockets.SocketException)
        {
            Statistics.InternalErrorSeen();
        }

        _logger.ReceiveError(exception.Message);
    }

    /// <summary>The pause between requests of one walk or table, cut to what is left of the budget; a spent budget ends the operation.</summary>
    internal static async Task PaceAsync(SnmpTarget target, OperationDeadline deadline, CancellationToken cancellationToken)
    {
        if (target.Pacing <= TimeSpan.Zero)
        {
            return;
        }

        var pause = deadline.Clip(target.Pacing);
        if (pause > TimeSpan.Zero)
        {
            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
        }

        if (deadline.IsSpent)
        {
            throw BudgetSpent(target);
        }
    }

    internal static SnmpException BudgetSpent(SnmpTarget target) =>
        new(SnmpErrorKind.Timeout, $"No answer from {target}: the device budget ran out.");
}
