using ClassroomFleet.Agent.School;

namespace ClassroomFleet.Agent.Devices.Uplink;

/// <summary>A probe's settings, parsed once per poll (the school file validator has checked them already).</summary>
internal sealed record ProbeRun(
    string Server,
    int Streams,
    TimeSpan Duration,
    long Bytes,
    IReadOnlyList<bool> Directions,
    IReadOnlyList<ProbeWindow> Windows,
    TimeSpan Spread)
{
    /// <summary>How long the whole run may last, for the window check: each direction, plus slack for set-up.</summary>
    public TimeSpan RunLength => (Duration * Directions.Count) + TimeSpan.FromSeconds(5);

    public static ProbeRun From(string deviceId, ProbeEntry probe)
    {
        if (!DurationText.TryParse(probe.Duration, out var duration) || !DurationText.TryParse(probe.Spread, out var spread))
        {
            throw new InvalidOperationException($"device {deviceId}: probe duration or spread is not a duration");
        }

        var windows = probe.Windows.Select(w => ProbeWindow.TryParse(w, out var window) ? window : throw new InvalidOperationException($"device {deviceId}: probe window '{w}' is invalid")).ToList();

        // true = towards the school (download: iperf3 reverse mode, HTTP GET).
        IReadOnlyList<bool> directions = probe.Direction switch
        {
            "down" => [true],
            "up" => [false],
            _ => [true, false],
        };
        return new ProbeRun(probe.Server, probe.Streams, duration, probe.Bytes, directions, windows, spread);
    }
}
