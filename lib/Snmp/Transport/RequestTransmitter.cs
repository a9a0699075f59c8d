using System.Net.Sockets;
using ClassroomFleet.Snmp.Pdus;
using Microsoft.Extensions.Logging;

namespace ClassroomFleet.Snmp.Transport;

/// <summary>Sends one encoded request and waits for its answer, retransmitting after each timeout but never past the deadline.</summary>
internal sealed class RequestTransmitter
{
    private readonly UdpChannel _channel;
    private readonly SnmpClientStatistics _statistics;
    private readonly ILogger _logger;

    public RequestTransmitter(UdpChannel channel, SnmpClientStatistics statistics, ILogger logger)
    {
        _channel = channel;
        _statistics = statistics;
        _logger = logger;
    }

    /// <summary>Where requests to <paramref name="endpoint"/> go, and where their answers must come from.</summary>
    public System.Net.SocketAddress AddressOf(System.Net.IPEndPoint endpoint) => _channel.AddressOf(endpoint);

    /// <summary>The same datagram (same request-id) goes out on every attempt, so a late answer to an earlier one still counts.</summary>
    public async Task<Pdu> TransmitAsync(
        SnmpTarget target, PendingRequest pending, ReadOnlyMemory<byte> datagram, OperationDeadline deadline, CancellationToken cancellationToken)
    {
        var attempts = 0;
        for (var attempt = 0; attempt <= target.Retries; attempt++)
        {
            var wait = deadline.Clip(target.Timeout);
            if (wait <= TimeSpan.Zero)
            {
                break;
            }

            if (attempt > 0)
            {
                _statistics.Retransmitted();
            }

            attempts++;
            try
            {
                await _channel.SendAsync(datagram, pending.Endpoint, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException ex)
            {
                throw new SnmpException(SnmpErrorKind.Transport, $"Sending to {target} failed: {ex.SocketErrorCode}.", ex);
            }

            _statistics.RequestSent();
            try
            {
                return await pending.Task.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // Next attempt.
            }
        }

        _statistics.TimedOut();
        _logger.RequestTimedOut(target, attempts);
        var why = deadline.IsSpent
            ? $"the device budget ran out after {attempts} attempt(s)"
            : $"{attempts} attempt(s) of {target.Timeout.TotalMilliseconds:0} ms";
        throw new SnmpException(SnmpErrorKind.Timeout, $"No answer from {target}: {why}.");
    }
}
