using System.Collections.Concurrent;
using System.Net;

namespace ClassroomFleet.Snmp.Usm;

/// <summary>
/// Engines by endpoint. Two endpoints reporting one engine ID is a configuration defect (cloned agent configs):
/// RFC 3411 §3.1.1.1 requires engine IDs to be unique, and keys localised to one would authenticate at the other.
/// </summary>
internal sealed class EngineRegistry
{
    private readonly ConcurrentDictionary<IPEndPoint, EngineState> _byEndpoint = new();
    private readonly ConcurrentDictionary<string, IPEndPoint> _endpointByEngine = new();
    private readonly ConcurrentDictionary<(string EngineId, IPEndPoint Endpoint), byte> _reportedDuplicates = new();

    /// <summary>
    /// Raised with (first endpoint, second endpoint, engine ID hex) the first time an endpoint is found to share an
    /// engine ID with another: one defect is reported once, however often the engine is rediscovered.
    /// </summary>
    public event Action<IPEndPoint, IPEndPoint, string>? DuplicateEngineId;

    public bool TryGet(IPEndPoint endpoint, out EngineState state) => _byEndpoint.TryGetValue(endpoint, out state!);

    public EngineState Learn(IPEndPoint endpoint, byte[] engineId, int boots, int time)
    {
        if (_byEndpoint.TryGetValue(endpoint, out var known) && known.EngineId.AsSpan().SequenceEqual(engineId))
        {
            known.Observe(boots, time);
            return known;
        }

        var state = new EngineState(engineId, boots, time);
        _byEndpoint[endpoint] = state;
        var hex = Convert.ToHexString(engineId);
        var owner = _endpointByEngine.GetOrAdd(hex, endpoint);
        if (!owner.Equals(endpoint) && _reportedDuplicates.TryAdd((hex, endpoint), 0))
        {
            DuplicateEngineId?.Invoke(owner, endpoint, hex);
        }

        return state;
    }

    public void Forget(IPEndPoint endpoint) => _byEndpoint.TryRemove(endpoint, out _);
}
