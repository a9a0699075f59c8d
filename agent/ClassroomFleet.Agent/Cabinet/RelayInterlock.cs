using System.Globalization;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>
/// The rules a power cycle must pass, per device: never the gateway's own uplink unless forced; one cycle at a time; at
/// most <see cref="CabinetRelayOptions.MaxCyclesPerHour"/> in any 60 minutes; not before the device has been back on for
/// <see cref="CabinetRelayOptions.MinimumOnTime"/>. Thread-safe; time comes from the <see cref="TimeProvider"/>.
/// </summary>
public sealed class RelayInterlock(CabinetRelayOptions options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<DateTimeOffset>> _starts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _lastRestored = new(StringComparer.Ordinal);
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);

    /// <summary>Checks every rule; when all pass, records the cycle as started (it counts even if the hardware then fails).</summary>
    public InterlockDecision TryBegin(string device, bool uplink, bool force)
    {
        var now = time.GetUtcNow();
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
            if (starts.Count >= options.MaxCyclesPerHour)
            {
                var next = starts[0] + Window;
                return InterlockDecision.Refuse(string.Create(CultureInfo.InvariantCulture,
                    $"{device} was cycled {starts.Count} times in the last hour (limit {options.MaxCyclesPerHour}); next allowed at {next:HH:mm:ss} UTC"));
            }

            if (_lastRestored.TryGetValue(device, out var restored) && now - restored < options.MinimumOnTime)
            {
                return InterlockDecision.Refuse(string.Create(CultureInfo.InvariantCulture,
                    $"{device} has been back on for {(now - restored).TotalSeconds:0} s only; the minimum on time is {options.MinimumOnTime.TotalSeconds:0} s"));
            }

            starts.Add(now);
            _running.Add(device);
            return InterlockDecision.Allow;
        }
    }

    /// <summary>Records the end of a cycle begun with <see cref="TryBegin"/>: power is back from now.</summary>
    public void End(string device)
    {
        var now = time.GetUtcNow();
        lock (_lock)
        {
            _running.Remove(device);
            _lastRestored[device] = now;
        }
    }
}
