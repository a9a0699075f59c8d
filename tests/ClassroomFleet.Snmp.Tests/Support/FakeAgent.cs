using System.Net;
using System.Net.Sockets;
using ClassroomFleet.Snmp.Pdus;

namespace ClassroomFleet.Snmp.Tests.Support;

/// <summary>
/// A scripted v2c responder on loopback for client behaviours no real agent can be made to show on demand
/// (wrong request-ids, answers from elsewhere, tooBig, broken ordering). Interop is tested against snmpd/snmpsim.
/// </summary>
internal sealed class FakeAgent : IAsyncDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Func<Pdu, IEnumerable<Pdu>> _respond;

    public FakeAgent(Func<Pdu, IEnumerable<Pdu>> respond)
    {
        _respond = respond;
        _loop = Task.Run(LoopAsync);
    }

    public IPEndPoint Endpoint => (IPEndPoint)_socket.Client.LocalEndPoint!;

    public List<Pdu> Requests { get; } = [];

    /// <summary>Another socket, to send answers from an address the client did not ask.</summary>
    public UdpClient Impostor { get; } = new(new IPEndPoint(IPAddress.Loopback, 0));

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var message = SnmpMessageCodec.DecodeCommunity(received.Buffer);
            var request = (Pdu)message.Pdu;
            lock (Requests)
            {
                Requests.Add(request);
            }

            foreach (var answer in _respond(request))
            {
                using var datagram = SnmpMessageCodec.EncodeCommunity(message.Version, message.Community.Span, answer);
                var sender = answer.ErrorIndex == ImpostorMarker ? Impostor : _socket;
                await sender.SendAsync(datagram.Memory, received.RemoteEndPoint, _stop.Token);
            }
        }
    }

    /// <summary>An error-index no real answer uses: tells the loop to send this answer from <see cref="Impostor"/>.</summary>
    public const int ImpostorMarker = 9999;

    public static Pdu Answer(Pdu request, params Variable[] variables) =>
        new(PduType.Response, request.RequestId, ErrorStatus.NoError, 0, variables);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        Impostor.Dispose();
        await _loop;
        _stop.Dispose();
    }
}
