using System.Net;
using System.Net.Sockets;

namespace ClassroomFleet.Messaging.Tests.Integration;

/// <summary>A fake "broker" on loopback that answers CONNECT properly and then sends garbage on the first connection.</summary>
public sealed class MalformedBrokerTests
{
    private static readonly byte[] ConnAck = [0x20, 0x03, 0x00, 0x00, 0x00]; // MQTT 5.0 CONNACK: no session, success, no properties
    private static readonly byte[] Garbage = [0x00, 0x04, 0xDE, 0xAD, 0xBE, 0xEF]; // packet type 0 is reserved (§2.1.2)

    [Fact]
    public async Task Garbage_After_Connack_Closes_The_Connection_And_The_Transport_Reconnects()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var connections = 0;
        var secondConnection = new TaskCompletionSource<Socket>();
        var broker = Task.Run(async () =>
        {
            while (connections < 2)
            {
                var socket = await listener.AcceptSocketAsync();
                connections++;
                await ReadPacketAsync(socket); // CONNECT
                await socket.SendAsync(ConnAck);
                if (connections == 1)
                {
                    await socket.SendAsync(Garbage);
                }
                else
                {
                    secondConnection.SetResult(socket);
                }
            }
        });

        var logger = new TestLogger<MqttTransport>();
        await using var transport = new MqttTransport(TransportFactory.Options("127.0.0.1", port), logger);
        await transport.StartAsync();

        using var kept = await secondConnection.Task.WaitAsync(TimeSpan.FromSeconds(20));
        await Integration.MqttTransportReconnectTests.WaitUntilAsync(() => transport.Counters.Connects == 2);
        Assert.Equal(2, connections);
        Assert.Equal(1, transport.Counters.ConnectionLosses);
        Assert.True(logger.Has(1002));
        await broker;
    }

    private static async Task ReadPacketAsync(Socket socket)
    {
        var header = new byte[1];
        await socket.ReceiveAsync(header);
        var length = 0;
        var shift = 0;
        var b = new byte[1];
        do
        {
            await socket.ReceiveAsync(b);
            length |= (b[0] & 0x7F) << shift;
            shift += 7;
        }
        while ((b[0] & 0x80) != 0);

        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            read += await socket.ReceiveAsync(body.AsMemory(read));
        }
    }
}
