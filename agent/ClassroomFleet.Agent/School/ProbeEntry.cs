namespace ClassroomFleet.Agent.School;

/// <summary>
/// An active bandwidth probe against the county measurement server: iperf3 and/or a bounded HTTP transfer, run only
/// inside the allowed windows at a per-school offset.
/// </summary>
public sealed class ProbeEntry
{
    /// <summary><c>iperf3</c> or <c>http</c>.</summary>
    public string Method { get; set; } = "iperf3";

    /// <summary>iperf3: host:port of the county server (5201 by default). http: the base URL of the probe target.</summary>
    public string Server { get; set; } = "";

    public int Streams { get; set; } = 4;

    /// <summary>How long one direction runs (iperf3) or the upper bound of one transfer (http).</summary>
    public string Duration { get; set; } = "10s";

    /// <summary><c>down</c>, <c>up</c> or <c>both</c>.</summary>
    public string Direction { get; set; } = "both";

    /// <summary>http: bytes to download and to upload per transfer.</summary>
    public long Bytes { get; set; } = 50_000_000;

    /// <summary>The probe's own network interface, for its link speed (/sys/class/net/&lt;if&gt;/speed).</summary>
    public string? Interface { get; set; }

    /// <summary>Local-time windows such as <c>12:10-13:50</c> or <c>mon-fri 17:30-21:00</c>, outside lessons.</summary>
    public List<string> Windows { get; set; } = [];

    /// <summary>How far the schools of a county are spread inside a window (hash of the school code).</summary>
    public string Spread { get; set; } = "30m";
}
