using System.Globalization;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>
/// The rules a power cycle must pass, per device: never the gateway's own uplink unless forced; one cycle at a time; at
/// most <see cref="CabinetRelayOptions.MaxCyclesPerHour"/> in any 60 minutes; not before the device has been back on for
/// <see cref="CabinetRelayOptions.MinimumOnTime"/>. Thread-safe; time comes from the <see cref="TimeProvider"/>.
/// With a <see cref="RelayInterlockStore"/>, cycle starts and restorations are saved as they happen and loaded at
/// construction, so a restarted agent (or a command redelivered after a restart) is held to the same limits.
/// </summary>
public sealed class RelayInterlock
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly CabinetRelayOptions _options;
    private readonly TimeProvider _time;
    private readonly RelayInterlockStore? _store;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _starts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastRestored = new(StringComparer.Ordinal);
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);

    /// <summary>Set when the state folder could not be listed: every device counts as restored at this instant.</summary>
    private readonly DateTimeOffset? _historyLostAt;

    public RelayInterlock(CabinetRelayOptions options, TimeProvider time, RelayInterlockStore? store = null)
    {
        _options = options;
        _time = time;
        _store = store;
        if (store is not null)
        {
            var loaded = store.LoadAll();
            var now = time.GetUtcNow();
            _historyLostAt = loaded.Complete ? null : now;
            foreach (var (device, history) in loaded.ByDevice)
            {
                Restore(device, history, now);
            }
        }
    }

    /// <summary>Checks every rule; when all pass, records the cycle as started (it counts even if the hardware then fails).</summary>
    public InterlockDecision TryBegin(string device, bool uplink, bool force)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            if (uplink && !force)
            {
                return InterlockDecision.Refuse($"{device} carries the gateway's own uplink: cycling it cuts the gateway off; send the command with force");
            }

            if (_running.Contains(device))
            {
                return InterlockDecision.Refuse($"a power cycle of {device} is already in progress");
            }

            if (!_starts.TryGetValue(device, out var starts))
            {
                starts = [];
                _starts[device] = starts;
            }

            starts.RemoveAll(s => now - s >= Window);
            if (starts.Count >= _options.MaxCyclesPerHour)
            {
                var next = starts[0] + Window;
                return InterlockDecision.Refuse(string.Create(CultureInfo.InvariantCulture,
                    $"{device} was cycled {starts.Count} times in the last hour (limit {_options.MaxCyclesPerHour}); next allowed at {next:HH:mm:ss} UTC"));
            }

            if (LastRestored(device) is { } restored && now - restored < _options.MinimumOnTime)
            {
                return InterlockDecision.Refuse(string.Create(CultureInfo.InvariantCulture,
                    $"{device} has been back on for {(now - restored).TotalSeconds:0} s only; the minimum on time is {_options.MinimumOnTime.TotalSeconds:0} s"));
            }

            starts.Add(now);
            _running.Add(device);
            Save(device);
            return InterlockDecision.Allow;
        }
    }

    /// <summary>Records the end of a cycle begun with <see cref="TryBegin"/>: power is back from now.</summary>
    public void End(string device)
    {
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            _running.Remove(device);
            _lastRestored[device] = now;
            Save(device);
        }
    }

    private DateTimeOffset? LastRestored(string device) =>
        _lastRestored.TryGetValue(device, out var restored) ? restored : _historyLostAt;

    private void Save(string device) => _store?.Save(device, new RelayHistory
    {
        Starts = [.. _starts.GetValueOrDefault(device) ?? []],
        LastRestored = _lastRestored.TryGetValue(device, out var restored) ? restored : null,
    });

    /// <summary>
    /// Takes a saved history in, conservatively: a time ahead of the clock (set back since) counts as now; a cycle
    /// that began after the last restoration was cut short by the restart, and its power came back at the latest now;
    /// an unreadable history leaves the cycle count empty but holds the device off as if just restored.
    /// </summary>
    private void Restore(string device, RelayHistory? history, DateTimeOffset now)
    {
        if (history is null)
        {
            _lastRestored[device] = now;
            return;
        }

        var starts = history.Starts.Select(s => s > now ? now : s).Order().ToList();
        DateTimeOffset? restored = history.LastRestored is { } r && r > now ? now : history.LastRestored;
        if (starts.Count > 0 && (restored is null || starts[^1] > restored))
        {
            restored = now;
        }

        starts.RemoveAll(s => now - s >= Window);
        _starts[device] = starts;
        if (restored is { } at)
        {
            _lastRestored[device] = at;
        }
    }
}
