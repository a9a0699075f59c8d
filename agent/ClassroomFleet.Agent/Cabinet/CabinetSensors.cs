using ClassroomFleet.Sensors;
using ClassroomFleet.Sensors.Hwmon;
using ClassroomFleet.Sensors.Iio;
using ClassroomFleet.Sensors.OneWire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClassroomFleet.Agent.Cabinet;

/// <summary>
/// The cabinet's sensors: those configured, or, when none is, every IIO device with a temperature, humidity or pressure
/// channel and every DS18B20 found, looked for again on each read so that a sensor plugged in later is picked up. A
/// sensor once seen stays on the list and is reported missing while unplugged. Every failed read or lookup is counted;
/// a fault is logged when a sensor's state changes, not on every read.
/// </summary>
public sealed class CabinetSensors
{
    private readonly SysfsRoot _root;
    private readonly bool _discover;
    private readonly List<ISensorReader> _readers = [];
    private readonly Dictionary<string, SensorFaultKind?> _states = new(StringComparer.Ordinal);
    private readonly ILogger<CabinetSensors> _logger;
    private HashSet<string> _discoveryFaults = new(StringComparer.Ordinal);

    public CabinetSensors(IOptions<CabinetOptions> options, ILogger<CabinetSensors> logger)
    {
        var settings = options.Value;
        _logger = logger;
        _root = new SysfsRoot(settings.SysfsRoot);
        _discover = settings.Sensors.Count == 0;
        foreach (var sensor in settings.Sensors)
        {
            _readers.Add(sensor.Type switch
            {
                CabinetSensorType.Hwmon => new HwmonSensorReader(_root, sensor.Id, sensor.Device, sensor.Channel),
                CabinetSensorType.Ds18b20 => new Ds18b20Reader(_root, sensor.Id, sensor.Device),
                _ => new IioSensorReader(_root, sensor.Id, sensor.Device),
            });
        }
    }

    public SensorFaultCounter Faults { get; } = new();

    public int Count => _readers.Count;

    /// <summary>Reads every sensor in turn. Not thread-safe: the monitor calls it from one loop.</summary>
    public async Task<IReadOnlyList<SensorReadResult>> ReadAllAsync(CancellationToken cancellationToken = default)
    {
        if (_discover)
        {
            var discovered = await SensorDiscovery.DiscoverAsync(_root, cancellationToken).ConfigureAwait(false);
            foreach (var found in discovered.Readers)
            {
                if (!_readers.Exists(r => string.Equals(r.Id, found.Id, StringComparison.Ordinal)))
                {
                    _readers.Add(found);
                }
            }

            TrackDiscovery(discovered.Faults);
        }

        var results = new List<SensorReadResult>(_readers.Count);
        foreach (var reader in _readers)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            Track(reader.Id, result.Fault);
            results.Add(result);
        }

        return results;
    }

    /// <summary>Counts every failed lookup; logs one only when it was not failing the cycle before.</summary>
    private void TrackDiscovery(IReadOnlyList<SensorFault> faults)
    {
        var now = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fault in faults)
        {
            Faults.Record(fault);
            now.Add(fault.Path);
            if (!_discoveryFaults.Contains(fault.Path))
            {
                _logger.DiscoveryFailed(fault.Path, fault.Detail);
            }
        }

        _discoveryFaults = now;
    }

    private void Track(string sensor, SensorFault? fault)
    {
        var had = _states.TryGetValue(sensor, out var previous);
        _states[sensor] = fault?.Kind;
        if (fault is not null)
        {
            Faults.Record(fault);
            if (!had || previous != fault.Kind)
            {
                _logger.SensorFault(sensor, fault.Kind, fault.Detail);
            }
        }
        else if (had && previous is not null)
        {
            _logger.SensorRecovered(sensor);
        }
    }
}
