using ClassroomFleet.Agent.Devices.Uplink;

namespace ClassroomFleet.Agent.School;

/// <summary>Checks a bandwidth probe's settings, including its schedule windows.</summary>
internal static class ProbeSettingsValidator
{
    public static void Validate(ProbeEntry probe, string at, Action<string, string> error)
    {
        switch (probe.Method)
        {
            case "iperf3":
                if (!DeviceSettingsValidator.IsHostAndPort(probe.Server, 5201))
                {
                    error($"{at}.server", "must be the county iperf3 server as host or host:port");
                }

                break;
            case "http":
                if (!Uri.TryCreate(probe.Server, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
                {
                    error($"{at}.server", "must be the base URL of the county HTTP probe target, e.g. http://probe.example:8080/");
                }

                break;
            default:
                error($"{at}.method", "must be iperf3 or http");
                break;
        }

        if (probe.Streams is < 1 or > 32)
        {
            error($"{at}.streams", "must be 1 to 32");
        }

        if (!DurationText.TryParse(probe.Duration, out var duration) || duration > TimeSpan.FromSeconds(60))
        {
            error($"{at}.duration", "must be a duration of at most 60s, e.g. 10s");
        }

        if (probe.Direction is not ("down" or "up" or "both"))
        {
            error($"{at}.direction", "must be down, up or both");
        }

        if (probe.Bytes is < 1 or > 1_000_000_000)
        {
            error($"{at}.bytes", "must be 1 to 1000000000");
        }

        if (!DurationText.TryParse(probe.Spread, out _))
        {
            error($"{at}.spread", "must be a duration such as 30m");
        }

        if (probe.Windows.Count == 0)
        {
            error($"{at}.windows", "at least one window outside lessons is required, e.g. 12:10-13:50");
        }

        for (var i = 0; i < probe.Windows.Count; i++)
        {
            if (!ProbeWindow.TryParse(probe.Windows[i], out _))
            {
                error($"{at}.windows[{i}]", "must be [mon-fri|sat,sun|…] HH:mm-HH:mm, e.g. mon-fri 12:10-13:50");
            }
        }
    }
}
