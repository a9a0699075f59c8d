namespace ClassroomFleet.Agent.Devices.Profiles;

/// <summary>Which switch ports get per-port series; the others only count towards the per-switch aggregate.</summary>
public enum InterfaceFilter
{
    /// <summary>Only the school's uplinks (profile value <c>uplinks</c>).</summary>
    Uplinks,

    /// <summary>The uplinks and every port where a registered device's MAC was learned (<c>uplinks_and_registered</c>, the default).</summary>
    UplinksAndRegistered,

    /// <summary>Every port (<c>all</c>): for a small school or a diagnosis, never for a whole county.</summary>
    All,
}
