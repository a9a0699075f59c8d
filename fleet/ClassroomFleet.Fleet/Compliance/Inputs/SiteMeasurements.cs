namespace ClassroomFleet.Fleet.Compliance.Inputs;

/// <summary>Telemetry of one school tag over a window: capacity probes and device heartbeats, ordered by time.</summary>
public sealed class SiteMeasurements
{
    public static readonly SiteMeasurements Empty = new([], []);

    public SiteMeasurements(IReadOnlyList<ProbeSample> probes, IReadOnlyList<DeviceHeartbeat> heartbeats)
    {
        Probes = probes;
        Heartbeats = heartbeats;
    }

    public IReadOnlyList<ProbeSample> Probes { get; }

    public IReadOnlyList<DeviceHeartbeat> Heartbeats { get; }

    /// <summary>True when the agent reported nothing at all in the window.</summary>
    public bool IsSilent => Probes.Count == 0 && Heartbeats.Count == 0;
}
