using ClassroomFleet.Agent.Devices.Panel.PjLink;
using ClassroomFleet.Agent.Devices.Pc;
using ClassroomFleet.Agent.Devices.Recorder;
using ClassroomFleet.Contracts.Messages;

namespace ClassroomFleet.Agent.Devices.Panel;

/// <summary>Collects the typed fields of one <c>panel</c> point (see README.md for names and units).</summary>
internal sealed class PanelFields
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

    public void AddPjLink(PjLinkStatus status)
    {
        Integers["pjlink_class"] = status.Class;
        if (status.Power is { } power)
        {
            Integers["power_state"] = (int)power;
            Booleans["powered_on"] = power == PjLinkPower.On;
        }

        if (status.Errors is { } errors)
        {
            Integers["error_fan"] = errors.Fan;
            Integers["error_lamp"] = errors.Lamp;
            Integers["error_temperature"] = errors.Temperature;
            Integers["error_cover"] = errors.CoverOpen;
            Integers["error_filter"] = errors.Filter;
            Integers["error_other"] = errors.Other;
            Integers["error_worst"] = errors.Worst;
        }

        if (status.Lamps.Count > 0)
        {
            Integers["lamp_hours"] = status.Lamps.Max(l => l.Hours);
            Integers["lamps"] = status.Lamps.Count;
            Integers["lamps_on"] = status.Lamps.Count(l => l.On);
        }

        if (status.FilterHours is { } filter)
        {
            Integers["filter_hours"] = filter;
        }

        Text("input", status.Input);
        Text("name", status.Name);
        Text("manufacturer", status.Manufacturer);
        Text("product", status.Product);
        Text("serial", status.SerialNumber);
        Text("software_version", status.SoftwareVersion);
        if (status.FailedCommands.Count > 0)
        {
            Strings["failed_commands"] = string.Join(' ', status.FailedCommands);
        }
    }

    public void AddHostResources(HostResources resources)
    {
        if (resources.ProcessorLoadPercent is { } load)
        {
            Floats["cpu_load_pct"] = load;
        }

        if (resources.Disks.Count > 0)
        {
            Integers["disk_free_bytes"] = resources.DiskFreeBytes;
            Integers["disk_size_bytes"] = resources.DiskSizeBytes;
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

    private void Text(string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Strings[name] = value;
        }
    }
}
