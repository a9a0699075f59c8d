using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using ClassroomFleet.Testing;

namespace ClassroomFleet.Messaging.Tests.Integration;

/// <summary>
/// The connection's socket buffers are <see cref="MqttTransportOptions.SocketBufferBytes"/>, not MQTTnet's 8 KiB (which
/// switches off Linux's autotuning): read from the kernel with <c>ss</c> for the one connection to a private mosquitto.
/// </summary>
[Trait("Category", "Integration")]
[Trait("requires", "mosquitto")]
public sealed partial class SocketBufferTests
{
    [Fact]
    public async Task The_Receive_Buffer_Of_The_Connection_Is_The_Configured_Size()
    {
        await using var broker = new MosquittoProcess();
        await broker.StartAsync();
        var options = TransportFactory.Options(broker);
        options.SocketBufferBytes = 256 * 1024;
        await using var transport = await TransportFactory.StartedAsync(options);

        // Linux doubles the requested SO_RCVBUF for its bookkeeping, after capping it at net.core.rmem_max.
        var rmemMax = int.Parse((await File.ReadAllTextAsync("/proc/sys/net/core/rmem_max")).Trim(), CultureInfo.InvariantCulture);
        Assert.Equal(2 * Math.Min(options.SocketBufferBytes, rmemMax), await ReceiveBufferOfConnectionToAsync(broker.Port));
    }

    private static async Task<int> ReceiveBufferOfConnectionToAsync(int port)
    {
        var info = new ProcessStartInfo("ss", ["-tmnH", "state", "established", "dport", "=", ":" + port.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
        };
        using var ss = Process.Start(info)!;
        var timeout = TransportFactory.Timeout();
        var output = await ss.StandardOutput.ReadToEndAsync(timeout);
        await ss.WaitForExitAsync(timeout);
        var buffers = ReceiveBuffer().Matches(output);
        Assert.True(buffers.Count == 1, $"expected one connection to port {port}, ss printed:\n{output}");
        return int.Parse(buffers[0].Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"skmem:\(r\d+,rb(\d+),")]
    private static partial Regex ReceiveBuffer();
}
