using System.Net;
using System.Net.Sockets;

namespace ClassroomFleet.Snmp.Transport;

/// <summary>
/// One UDP socket and its receive loop. Each datagram is handed to the callback with the address it came from; the
/// callback must not keep the span. Sending and receiving allocate nothing per datagram.
/// </summary>
internal sealed class UdpChannel : IAsyncDisposable
{
    // RFC 3417 §3.2 lets an agent use up to 65507 bytes in a UDP datagram.
    private const int MaxDatagram = 65_536;

    private readonly Socket _socket;
    private readonly ReceivedDatagramHandler _onReceived;
    private readonly Action<Exception> _onReceiveError;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _receiveLoop;
    private int _disposed;

    public UdpChannel(IPEndPoint localEndPoint, int socketBufferBytes, ReceivedDatagramHandler onReceived, Action<Exception> onReceiveError)
    {
        _socket = new Socket(localEndPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (localEndPoint.Address.Equals(IPAddress.IPv6Any))
            {
                // "[::]" means every address: take IPv4 senders too, as IPv4-mapped IPv6 addresses.
                _socket.DualMode = true;
            }

            _socket.ReceiveBufferSize = socketBufferBytes;
            _socket.SendBufferSize = socketBufferBytes;
            _socket.Bind(localEndPoint);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        _onReceived = onReceived;
        _onReceiveError = onReceiveError;
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _receiveLoop = Task.Run(ReceiveLoopAsync);
    }

    public delegate void ReceivedDatagramHandler(ReadOnlySpan<byte> datagram, SocketAddress from);

    public IPEndPoint LocalEndPoint { get; }

    public AddressFamily AddressFamily => _socket.AddressFamily;

    /// <summary>
    /// The socket address of <paramref name="endpoint"/> as this socket sends to it and sees answers come from: on a
    /// dual-mode "[::]" socket an IPv4 agent is an IPv4-mapped IPv6 address.
    /// </summary>
    public SocketAddress AddressOf(IPEndPoint endpoint) =>
        _socket.AddressFamily == AddressFamily.InterNetworkV6 && endpoint.AddressFamily == AddressFamily.InterNetwork
            ? new IPEndPoint(endpoint.Address.MapToIPv6(), endpoint.Port).Serialize()
            : endpoint.Serialize();

    public ValueTask<int> SendAsync(ReadOnlyMemory<byte> datagram, SocketAddress to, CancellationToken cancellationToken) =>
        _socket.SendToAsync(datagram, SocketFlags.None, to, cancellationToken);

    /// <summary>A synchronous send for answers produced inside the receive callback (UDP sends do not wait on the peer).</summary>
    public void SendNow(ReadOnlySpan<byte> datagram, SocketAddress to) => _socket.SendTo(datagram, SocketFlags.None, to);

    private async Task ReceiveLoopAsync()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram, pinned: true);
        var from = new SocketAddress(_socket.AddressFamily);
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, from, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (token.IsCancellationRequested)
            {
                // Disposing the socket under a pending receive ends it with OperationAborted rather than a cancellation.
                return;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused or SocketError.MessageSize)
            {
                // ICMP port unreachable from an earlier send, or an oversized datagram: nothing to read, keep going.
                _onReceiveError(ex);
                continue;
            }

            try
            {
                _onReceived(buffer.AsSpan(0, received), from);
            }
#pragma warning disable CA1031 // The loop serves every request on this socket; one bad datagram must not stop it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _onReceiveError(ex);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await _receiveLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }
}
