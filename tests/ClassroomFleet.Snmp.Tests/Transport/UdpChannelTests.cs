using System.Net;
using System.Net.Sockets;
using ClassroomFleet.Snmp.Transport;

namespace ClassroomFleet.Snmp.Tests.Transport;

public sealed class UdpChannelTests
{
    [Fact]
    public async Task Disposing_Under_A_Pending_Receive_Ends_The_Loop_Quietly()
    {
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var errors = 0;
        for (var i = 0; i < 300; i++)
        {
            var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var channel = new UdpChannel(new IPEndPoint(IPAddress.Loopback, 0), 64 * 1024, (_, _) => received.TrySetResult(), _ => Interlocked.Increment(ref errors));
            // One datagram proves the loop runs; right after its callback the loop is back in a pending receive.
            await sender.SendToAsync(new byte[] { 0x30, 0x00 }, channel.LocalEndPoint);
            await received.Task.WaitAsync(TimeSpan.FromSeconds(10));

            await channel.DisposeAsync();
        }

        Assert.Equal(0, errors);
    }
}
