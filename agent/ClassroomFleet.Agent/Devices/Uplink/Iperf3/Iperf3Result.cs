namespace ClassroomFleet.Agent.Devices.Uplink.Iperf3;

/// <summary>
/// The outcome of one test. <see cref="BitsPerSecond"/> is the receiver's count over the test duration (the server's
/// for an upload, ours for a download), which is what iperf3 itself reports as the receiver rate.
/// </summary>
public sealed record Iperf3Result(
    bool Reverse,
    int Streams,
    TimeSpan Duration,
    long ClientBytes,
    long ServerBytes,
    double BitsPerSecond,
    long? SenderRetransmits,
    IReadOnlyList<Iperf3StreamResult> ServerStreams);
