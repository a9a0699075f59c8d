using ClassroomFleet.Fleet.Compliance.Inputs;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// Which inventory devices count: of the listed classes, not broken, and in <c>functional</c> mode also seen up in the
/// window. A dark device never counts under a functional rule (POLICY-TARGETS §6.5).
/// </summary>
public sealed class DeviceFilter
{
    private readonly HashSet<string> _classes;
    private readonly HashSet<string>? _seenUp;

    private DeviceFilter(HashSet<string> classes, HashSet<string>? seenUp)
    {
        _classes = classes;
        _seenUp = seenUp;
    }

    public static readonly ParameterSpec CountModeSpec = ParameterSpec.Choice("count_mode", "installed", "installed", "functional");

    public static bool IsFunctional(ParameterValues p) => p.Choice("count_mode") == "functional";

    /// <returns>The filter, or null when functional mode has no window to look in.</returns>
    public static DeviceFilter? Create(IReadOnlyList<string> classes, MetricContext context, bool functional)
    {
        HashSet<string>? seen = null;
        if (functional)
        {
            if (context.Window is not { } window)
            {
                return null;
            }

            seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var beat in context.Measurements.Heartbeats)
            {
                if (beat.Up && beat.Time >= window.From && beat.Time <= window.At)
                {
                    seen.Add(beat.Device);
                }
            }
        }

        return new DeviceFilter(new HashSet<string>(classes, StringComparer.Ordinal), seen);
    }

    public string Mode => _seenUp is null ? "installed" : "functional (seen up in window)";

    public bool Counts(DeviceFacts device) => !device.Broken && _classes.Contains(device.Class) && (_seenUp is null || _seenUp.Contains(device.Id));
}
