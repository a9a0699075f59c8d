namespace ClassroomFleet.Agent.Devices.Uplink.Iperf3;

/// <summary>One iperf3 TCP test: parallel streams, duration, direction (reverse = the server sends, i.e. download).</summary>
public sealed record Iperf3Request(int Streams, TimeSpan Duration, bool Reverse)
{
    /// <summary>Bytes per write, iperf3's TCP default (128 KiB).</summary>
    public int BlockSize { get; init; } = 128 * 1024;
}
