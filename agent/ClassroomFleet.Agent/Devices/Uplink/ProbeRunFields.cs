using ClassroomFleet.Agent.School;
using ClassroomFleet.Contracts;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Devices.Uplink;

/// <summary>What one probe run measured, and its two points: <c>probe</c> (the run) and <c>uplink</c> (the capacity).</summary>
internal sealed class ProbeRunFields(ProbeEntry probe, ProbeRun settings)
{
    private double? _downBps;
    private double? _upBps;
    private double _seconds;
    private long? _retransmits;

    public string Outcome { get; set; } = "ok";

    public int Attempts { get; set; }

    public void Add(bool download, double bitsPerSecond, TimeSpan elapsed, long? retransmits)
    {
        if (download)
        {
            _downBps = bitsPerSecond;
        }
        else
        {
            _upBps = bitsPerSecond;
        }

        _seconds += elapsed.TotalSeconds;
        if (retransmits is { } count)
        {
            _retransmits = (_retransmits ?? 0) + count;
        }
    }

    public TelemetryPoint ToPoint(long timestampNs) => new()
    {
        Measurement = ProbePoller.RunMeasurement,
        TimestampNs = timestampNs,
        Tags = new Dictionary<string, string> { ["method"] = probe.Method },
        Strings = new Dictionary<string, string> { ["outcome"] = Outcome, ["server"] = settings.Server, ["direction"] = probe.Direction },
        Integers = new Dictionary<string, long> { ["attempts"] = Attempts, ["streams"] = settings.Streams },
        Floats = new Dictionary<string, double> { ["duration_s"] = Math.Round(_seconds, 3) },
    };

    public TelemetryPoint ToUplinkPoint(long timestampNs, long? linkMbps, SchoolFile? school)
    {
        var floats = new Dictionary<string, double> { ["duration_s"] = Math.Round(_seconds, 3) };
        if (_downBps is { } down)
        {
            floats["down_bps"] = down;
        }

        if (_upBps is { } up)
        {
            floats["up_bps"] = up;
        }

        if (linkMbps is { } link)
        {
            floats["link_speed_mbps"] = link;
        }

        var integers = new Dictionary<string, long> { ["streams"] = settings.Streams };
        if (school?.Classes is { Count: > 0 } classes)
        {
            integers["classes"] = classes.Count;
        }

        if (_retransmits is { } retransmits)
        {
            integers["retransmits"] = retransmits;
        }

        var tags = new Dictionary<string, string> { ["method"] = probe.Method };
        if (school is { Category.Length: > 0 })
        {
            tags["category"] = school.Category;
        }

        return new TelemetryPoint
        {
            Measurement = Measurements.Uplink,
            TimestampNs = timestampNs,
            Tags = tags,
            Floats = floats,
            Integers = integers,
            Strings = new Dictionary<string, string> { ["server"] = settings.Server, ["direction"] = probe.Direction },
        };
    }
}
