using ClassroomFleet.Fleet.Compliance.Inputs;

namespace ClassroomFleet.Fleet.Compliance.Metrics;

/// <summary>
/// Which inventory devices count: of the listed classes, not broken, and in <c>functional</c> mode also seen up in the
/// window. A dark device never counts under a functional rule (POLICY-TARGETS §6.5). An entry such as
/// <c>interactive_whiteboard+projector</c> is a set whose classes must all be in the same room: a whiteboard without a
/// projector is not an interactive terminal.
/// </summary>
public sealed class DeviceFilter
{
    private readonly IReadOnlyList<string[]> _sets;
    private readonly HashSet<string> _single;
    private readonly HashSet<string>? _seenUp;

    private DeviceFilter(IReadOnlyList<string> entries, HashSet<string>? seenUp)
    {
        Entries = entries;
        _sets = [.. entries.Select(e => e.Split('+'))];
        _single = [.. _sets.Where(s => s.Length == 1).Select(s => s[0])];
        _seenUp = seenUp;
    }

    public static readonly ParameterSpec CountModeSpec = ParameterSpec.Choice("count_mode", "installed", "installed", "functional");

    public static bool IsFunctional(ParameterValues p) => p.Choice("count_mode") == "functional";

    /// <returns>The filter, or null when functional mode has no window to look in.</returns>
    public static DeviceFilter? Create(IReadOnlyList<string> entries, MetricContext context, bool functional)
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

        return new DeviceFilter(entries, seen);
    }

    public IReadOnlyList<string> Entries { get; }

    public bool IsFunctionalMode => _seenUp is not null;

    /// <summary>The count mode as an input source: installed (inventory) or functional (seen up in the window).</summary>
    public Phrase ModeSource => Phrase.Of(IsFunctionalMode ? "source.inventory_functional" : "source.inventory_installed");

    /// <summary>Whether one device counts on its own (an entry naming just its class).</summary>
    public bool Counts(DeviceFacts device) => _single.Contains(device.Class) && IsWorking(device);

    /// <summary>The rooms holding at least one device that counts on its own (an access point mapped to the room).</summary>
    public HashSet<string> RoomsWithAny(IEnumerable<DeviceFacts> devices) =>
        devices.Where(Counts).Select(d => d.Room).OfType<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>Complete sets per room: for each entry, the fewest working devices of any of its classes in the room, summed.</summary>
    public Dictionary<string, int> SetsPerRoom(IEnumerable<DeviceFacts> devices)
    {
        var byRoom = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var device in devices)
        {
            if (device.Room is { } room && IsWorking(device))
            {
                if (!byRoom.TryGetValue(room, out var classes))
                {
                    classes = new Dictionary<string, int>(StringComparer.Ordinal);
                    byRoom[room] = classes;
                }

                classes[device.Class] = classes.GetValueOrDefault(device.Class) + 1;
            }
        }

        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (room, classes) in byRoom)
        {
            var sets = 0;
            foreach (var set in _sets)
            {
                sets += set.Min(c => classes.GetValueOrDefault(c));
            }

            if (sets > 0)
            {
                result[room] = sets;
            }
        }

        return result;
    }

    /// <summary>For a room without a complete set: the classes missing from each set it has a part of (白板 without 投影机).</summary>
    public IReadOnlyList<string> MissingFromPartialSets(IEnumerable<DeviceFacts> roomDevices)
    {
        var present = roomDevices.Where(IsWorking).Select(d => d.Class).ToHashSet(StringComparer.Ordinal);
        return [.. _sets.Where(s => s.Length > 1 && s.Any(present.Contains)).SelectMany(s => s.Where(c => !present.Contains(c))).Distinct(StringComparer.Ordinal)];
    }

    private bool IsWorking(DeviceFacts device) => !device.Broken && (_seenUp is null || _seenUp.Contains(device.Id));
}
