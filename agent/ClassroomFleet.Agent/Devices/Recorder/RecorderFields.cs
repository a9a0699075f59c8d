using ClassroomFleet.Agent.Devices.Pc;
using ClassroomFleet.Agent.Devices.Recorder.Onvif;
using ClassroomFleet.Agent.Devices.Recorder.Rtsp;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Devices.Recorder;

/// <summary>Collects the typed fields of one <c>recorder</c> point (see README.md for names and units).</summary>
internal sealed class RecorderFields
{
    public Dictionary<string, bool> Booleans { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Integers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, double> Floats { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Strings { get; } = new(StringComparer.Ordinal);

    public void AddEcho(IcmpResult echo)
    {
        Booleans["reachable"] = echo.Reachable;
        if (echo.RoundTripMs is { } rtt)
        {
            Floats["rtt_ms"] = rtt;
        }
    }

    public void AddRtsp(RtspDescribeResult result)
    {
        Integers["rtsp_status"] = result.StatusCode;
        Booleans["stream_live"] = result.HasLiveStream;
        Integers["media_count"] = result.Description?.Media.Count ?? 0;
        if (result.Description?.Media.FirstOrDefault(m => m.Type == "video")?.Codec is { } codec)
        {
            Strings["video_codec"] = codec;
        }
    }

    public void AddDeviceInformation(OnvifDeviceInformation information)
    {
        Strings["manufacturer"] = information.Manufacturer;
        Strings["model"] = information.Model;
        Strings["firmware"] = information.FirmwareVersion;
        Strings["serial"] = information.SerialNumber;
    }

    public void AddHostResources(HostResources resources)
    {
        if (resources.Disks.Count == 0)
        {
            return;
        }

        Integers["disk_free_bytes"] = resources.DiskFreeBytes;
        Integers["disk_size_bytes"] = resources.DiskSizeBytes;
        if (resources.DiskSizeBytes > 0)
        {
            Floats["disk_free_pct"] = 100d * resources.DiskFreeBytes / resources.DiskSizeBytes;
        }
    }

    public TelemetryPoint ToPoint(string measurement, long timestampNs) => new()
    {
        Measurement = measurement,
        TimestampNs = timestampNs,
        Booleans = Booleans.Count > 0 ? Booleans : null,
        Integers = Integers.Count > 0 ? Integers : null,
        Floats = Floats.Count > 0 ? Floats : null,
        Strings = Strings.Count > 0 ? Strings : null,
    };
}
